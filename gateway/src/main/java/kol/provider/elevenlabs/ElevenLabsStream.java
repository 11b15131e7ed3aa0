package kol.provider.elevenlabs;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import kol.audio.WavFormatException;
import kol.provider.Cancellable;
import kol.provider.tts.TtsDelivery;

/**
 * One synthesis: a POST to the streaming endpoint whose response body is the audio, handed to the listener read by
 * read as it arrives (a reactive body subscriber, so no thread waits on the socket). A non-200 answer becomes an
 * error with its status and ElevenLabs' own message; a body that breaks off becomes an error after the audio it
 * carried. Cancel cancels the body subscription, which closes the HTTP/1.1 connection (the exchange cannot be
 * finished, so the client does not pool it), and the server stops generating.
 *
 * <p>Threads: {@link #start} on the caller's; the subscriber methods on the HTTP client's threads, one at a time
 * (reactive-streams rule 1.3).
 */
final class ElevenLabsStream implements Cancellable, Flow.Subscriber<List<ByteBuffer>> {

    /** Copy size out of the client's buffers: 4000 bytes, half a second of 8 kHz μ-law. */
    static final int CHUNK_BYTES = 4000;

    private final HttpClient client;
    private final HttpRequest request;
    private final TtsDelivery delivery;
    private final ElevenLabsRiff riff = new ElevenLabsRiff();
    private final ElevenLabsRiff.Sink sink;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> exchange;
    private long bytes;

    ElevenLabsStream(HttpClient client, HttpRequest request, TtsDelivery delivery) {
        this.client = client;
        this.request = request;
        this.delivery = delivery;
        this.sink = delivery::audio;
    }

    void start() {
        delivery.start();
        delivery.transport(this::abort);
        CompletableFuture<?> sent = client.sendAsync(request, this::bodyFor);
        exchange = sent;
        sent.whenComplete((response, error) -> {
            // Once the body has a subscriber its failures arrive there, with more to say.
            if (error != null && subscription == null) {
                delivery.fail(ElevenLabsErrors.requestFailed(error, request.uri()));
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
            delivery.fail(ElevenLabsErrors.status(info.statusCode(), body));
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
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    int n = Math.min(buffer.remaining(), chunk.length);
                    buffer.get(chunk, 0, n);
                    bytes += n;
                    if (!riff.feed(chunk, 0, n, sink)) {
                        return;
                    }
                }
            }
        } catch (WavFormatException e) {
            delivery.fail(new WavFormatException("ElevenLabs sent audio Kol cannot play: " + e.getMessage()));
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        delivery.fail(new IOException("ElevenLabs audio stream broke off after " + bytes + " bytes: " + error,
                error));
    }

    @Override
    public void onComplete() {
        try {
            riff.finish(sink);
        } catch (WavFormatException e) {
            delivery.fail(new WavFormatException("ElevenLabs sent audio Kol cannot play: " + e.getMessage()));
            return;
        }
        delivery.done();
    }
}
