package kol.provider.llm;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.ReplyListener;

/**
 * One reply: a streaming request, its events decoded into text and actions for the listener, the time-outs, and
 * what the call's memory keeps of it once it ends.
 *
 * <p>Threading: the JDK client pushes the stream on its own threads, the time-outs fire on the timer thread, and
 * {@link #cancel()} comes from the conversation. Every call into the listener happens under this object's monitor
 * and only while the reply has not ended, so once {@code cancel()} returns nothing more arrives. The listener only
 * posts work elsewhere, so the monitor is held briefly; a listener that cancels from inside a callback re-enters it.
 * The connection itself is dropped outside the monitor.
 */
final class ReplyStream implements Cancellable, ReplySink {
    /** More of an error body than this says nothing a log line needs. */
    private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;

    private final StreamContext context;
    private final HttpRequest request;
    private final StreamDecoder decoder;
    private final ReplyListener listener;
    private final Consumer<String> remember;
    private final long startNs;
    private volatile long lastBytesNs;

    // Guarded by this.
    private boolean ended;
    private boolean begun;
    private boolean retried;
    private final StringBuilder delivered = new StringBuilder();
    private final StringBuilder actionNotes = new StringBuilder();
    private CompletableFuture<?> exchange;
    private SseBodySubscriber body;
    private ScheduledFuture<?> watchdog;

    /** {@code remember} receives what the call's memory should keep of the reply, once, when it ends. */
    ReplyStream(StreamContext context, HttpRequest request, StreamDecoder decoder, ReplyListener listener,
            Consumer<String> remember) {
        this.context = context;
        this.request = request;
        this.decoder = decoder;
        this.listener = listener;
        this.remember = remember;
        this.startNs = context.clock().nanoTime();
    }

    /** Sends the request and starts the first-token clock. */
    synchronized void start() {
        send();
        arm(TimeUnit.MILLISECONDS.toNanos(context.firstTokenTimeoutMs()));
    }

    @Override
    public synchronized void text(String delta) {
        if (ended || delta == null || delta.isEmpty()) {
            return;
        }
        begun = true;
        delivered.append(delta);
        listener.onText(delta);
    }

    @Override
    public synchronized void action(DialogAction action) {
        if (ended) {
            return;
        }
        begun = true;
        actionNotes.append(' ').append(ChatMemory.note(action));
        listener.onAction(action);
    }

    @Override
    public synchronized void finished() {
        if (ended) {
            return;
        }
        end();
        remember.accept((delivered + actionNotes.toString()).strip());
        listener.onDone();
    }

    @Override
    public void failed(LlmException error) {
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            remember.accept(ChatMemory.failed(delivered.toString()));
            listener.onError(error);
        }
        abort();
    }

    /** Closes the HTTP stream at once; nothing reaches the listener after this returns. */
    @Override
    public void cancel() {
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            remember.accept(ChatMemory.interrupted(delivered.toString()));
        }
        abort();
    }

    private void send() {
        CompletableFuture<?> sent = context.http().sendAsync(request, this::subscriberFor);
        exchange = sent;
        sent.whenComplete((response, error) -> {
            if (error != null) {
                failed(transportFailure(error));
            }
        });
    }

    private HttpResponse.BodySubscriber<?> subscriberFor(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (status / 100 == 2) {
            SseBodySubscriber subscriber = new SseBodySubscriber(new StreamEvents());
            synchronized (this) {
                if (ended) {
                    subscriber.cancel();
                } else {
                    body = subscriber;
                }
            }
            return subscriber;
        }
        ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> {
            if (chunk.isPresent()) {
                byte[] bytes = chunk.get();
                errorBody.write(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY_BYTES - errorBody.size()));
            } else {
                rejected(status, info.headers(), errorBody.toString(StandardCharsets.UTF_8));
            }
        });
    }

    /** The server refused the request; a 429 whose retry-after fits before the first-token deadline is retried once. */
    private void rejected(int status, HttpHeaders headers, String errorBody) {
        synchronized (this) {
            if (ended) {
                return;
            }
            long retryMs = retryAfterMs(headers);
            long leftMs = context.firstTokenTimeoutMs() - elapsedMs();
            if (status == 429 && !retried && retryMs >= 0 && retryMs < leftMs) {
                retried = true;
                context.timers().schedule(this::resend, retryMs, TimeUnit.MILLISECONDS);
                return;
            }
        }
        failed(new LlmException(context.provider() + " answered HTTP " + status + ": "
                + ProviderErrors.fromBody(errorBody), status));
    }

    private synchronized void resend() {
        if (!ended) {
            send();
        }
    }

    /** How long the server asks us to wait: retry-after-ms (OpenAI) or retry-after in seconds; -1 when neither. */
    static long retryAfterMs(HttpHeaders headers) {
        try {
            var ms = headers.firstValue("retry-after-ms");
            if (ms.isPresent()) {
                return (long) Double.parseDouble(ms.get().trim());
            }
            var seconds = headers.firstValue("retry-after");
            if (seconds.isPresent()) {
                return (long) (Double.parseDouble(seconds.get().trim()) * 1000);
            }
        } catch (NumberFormatException e) {
            // An HTTP date: too far off to wait for within a turn anyway.
        }
        return -1;
    }

    /** The watchdog: the first-token deadline, then the stall limit between bytes. */
    private void checkTime() {
        LlmException timeout;
        synchronized (this) {
            if (ended) {
                return;
            }
            long now = context.clock().nanoTime();
            if (!begun) {
                long leftNs = startNs + TimeUnit.MILLISECONDS.toNanos(context.firstTokenTimeoutMs()) - now;
                if (leftNs > 0) {
                    arm(leftNs);
                    return;
                }
                timeout = new LlmException(context.provider() + ": no first token within "
                        + context.firstTokenTimeoutMs() + " ms");
            } else {
                long quietNs = now - lastBytesNs;
                long stallNs = TimeUnit.MILLISECONDS.toNanos(context.stallTimeoutMs());
                if (quietNs < stallNs) {
                    arm(stallNs - quietNs);
                    return;
                }
                timeout = new LlmException(context.provider() + ": the stream stalled (nothing for "
                        + TimeUnit.NANOSECONDS.toMillis(quietNs) + " ms after the first token)");
            }
        }
        failed(timeout);
    }

    private void arm(long delayNs) {
        watchdog = context.timers().schedule(this::checkTime, delayNs, TimeUnit.NANOSECONDS);
    }

    private void end() {
        ended = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }

    /**
     * Drops the connection. Called outside the monitor: the client's own locks are taken on the way, and its thread
     * may at that moment be waiting for the monitor to deliver text (which the ended flag then refuses).
     */
    private void abort() {
        SseBodySubscriber stream;
        CompletableFuture<?> sent;
        synchronized (this) {
            stream = body;
            sent = exchange;
        }
        if (stream != null) {
            stream.cancel();
        }
        if (sent != null) {
            sent.cancel(true);
        }
    }

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(context.clock().nanoTime() - startNs);
    }

    private LlmException transportFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return new LlmException(context.provider() + ": the request was cancelled");
        }
        return new LlmException(context.provider() + " could not be reached or broke off: " + cause);
    }

    /** The body's events, handed to the decoder; runs on the client's thread, one event at a time. */
    private final class StreamEvents implements SseBodySubscriber.Events {
        @Override
        public void onBytes() {
            lastBytesNs = context.clock().nanoTime();
        }

        @Override
        public void onEvent(String type, String data) {
            decoder.onEvent(type, data, ReplyStream.this);
        }

        @Override
        public void onEnd() {
            decoder.onEnd(ReplyStream.this);
        }

        @Override
        public void onFailure(Throwable error) {
            failed(new LlmException(context.provider() + ": the stream broke off: " + error));
        }
    }
}
