package kol.provider.llm;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives a streaming HTTP body and reads it as server-sent events as each piece arrives, with no thread of its
 * own: the JDK client pushes the pieces. {@link #cancel()} cancels the subscription, which makes the client close
 * the connection (HTTP/1.1) or reset the stream (HTTP/2) at once.
 */
final class SseBodySubscriber implements HttpResponse.BodySubscriber<Void> {
    /** Largest SSE line accepted; a chat chunk is a few hundred bytes, so this only stops a runaway server. */
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final SseParser parser;
    private final Events events;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean cancelled;

    /** What happens to the stream, on the client's thread, in order. */
    interface Events {
        /** Bytes arrived (any bytes: a keep-alive comment shows the server is alive). */
        void onBytes();

        /** One complete event. */
        void onEvent(String type, String data);

        /** The body ended normally. */
        void onEnd();

        /** The body broke. */
        void onFailure(Throwable error);
    }

    SseBodySubscriber(Events events) {
        this.events = events;
        this.parser = new SseParser(events::onEvent, MAX_LINE_BYTES);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean cancelNow;
        synchronized (this) {
            this.subscription = subscription;
            cancelNow = cancelled;
        }
        if (cancelNow) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (isCancelled()) {
            return;
        }
        events.onBytes();
        try {
            for (ByteBuffer buffer : buffers) {
                parser.feed(buffer);
            }
        } catch (RuntimeException e) {
            cancel();
            events.onFailure(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
        if (!isCancelled()) {
            events.onFailure(error);
        }
    }

    @Override
    public void onComplete() {
        body.complete(null);
        if (!isCancelled()) {
            events.onEnd();
        }
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    /** Stops reading and lets the client drop the connection; nothing more is handed on. Safe from any thread. */
    void cancel() {
        Flow.Subscription toCancel;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        body.complete(null);
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }
}
