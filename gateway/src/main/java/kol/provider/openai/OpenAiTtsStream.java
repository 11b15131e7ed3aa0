package kol.provider.openai;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import kol.provider.Cancellable;
import kol.provider.tts.TtsDelivery;

/**
 * One synthesis: a POST to {@code /audio/speech} whose response body is raw PCM, handed to the listener read by read
 * as it arrives (a reactive body subscriber, so no thread waits on the socket). Reads can end inside a 16-bit sample;
 * its first byte waits for the next read so every chunk holds whole samples. A non-200 answer becomes an error with
 * its status and message; a body that breaks off becomes an error after the audio it carried. Cancel cancels the
 * body subscription, which closes the HTTP/1.1 connection (an unfinished exchange is not pooled).
 *
 * <p>Threads: {@link #start} on the caller's; the subscriber methods on the HTTP client's threads, one at a time
 * (reactive-streams rule 1.3).
 */
final class OpenAiTtsStream implements Cancellable, Flow.Subscriber<List<ByteBuffer>> {

    /** Copy size out of the client's buffers: 4800 bytes, 100 ms of 24 kHz PCM16. */
    static final int CHUNK_BYTES = 4800;

    private final HttpClient client;
    private final HttpRequest request;
    private final TtsDelivery delivery;
    /** One byte more than a chunk: room for the odd byte a read left. */
    private final byte[] chunk = new byte[CHUNK_BYTES + 1];
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> exchange;
    /** 0 or 1: a sample's first byte held at {@code chunk[0]} for the next read. */
    private int held;
    private long bytes;

    OpenAiTtsStream(HttpClient client, HttpRequest request, TtsDelivery delivery) {
        this.client = client;
        this.request = request;
        this.delivery = delivery;
    }

    void start() {
        delivery.start();
        delivery.transport(this::abort);
        CompletableFuture<?> sent = client.sendAsync(request, this::bodyFor);
        exchange = sent;
        sent.whenComplete((response, error) -> {
            // Once the body has a subscriber its failures arrive there, with more to say.
            if (error != null && subscription == null) {
                delivery.fail(OpenAiTtsErrors.requestFailed(error, request.uri()));
            }
        });
        if (delivery.isOver()) {
            abort();
        }
    }

    @Override
    public void cancel() {
        delivery.cancel();
    }

    private void abort() {
        Flow.Subscription body = subscription;
        if (body != null) {
            body.cancel();
        }
        CompletableFuture<?> sent = exchange;
        if (sent != null) {
            sent.cancel(true);
        }
    }

    private HttpResponse.BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
        delivery.progress();
        if (info.statusCode() == 200) {
            return HttpResponse.BodySubscribers.fromSubscriber(this);
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), body -> {
            delivery.fail(OpenAiTtsErrors.status(info.statusCode(), body));
            return null;
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (delivery.isOver()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        delivery.progress();
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                int n = Math.min(buffer.remaining(), CHUNK_BYTES);
                buffer.get(chunk, held, n);
                bytes += n;
                int available = held + n;
                int whole = available & ~1;
                if (whole > 0 && !delivery.audio(chunk, 0, whole)) {
                    return;
                }
                held = available - whole;
                if (held == 1) {
                    chunk[0] = chunk[whole];
                }
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        delivery.fail(new IOException("OpenAI TTS audio stream broke off after " + bytes + " bytes: " + error,
                error));
    }

    @Override
    public void onComplete() {
        // A last lone byte is half a sample: nothing that can be played, so it is dropped.
        delivery.done();
    }
}
