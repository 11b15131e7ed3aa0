package kol.provider.google;

import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.api.gax.rpc.ClientStream;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.StreamController;
import com.google.cloud.texttospeech.v1.StreamingSynthesisInput;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeConfig;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeRequest;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeResponse;
import com.google.protobuf.ByteString;
import java.util.List;
import kol.audio.WavFormatException;
import kol.provider.Cancellable;
import kol.provider.tts.TtsDelivery;

/**
 * One synthesis over {@code StreamingSynthesize}: the first request carries the voice and audio config, then the text
 * goes in pieces of at most 5000 bytes, then the client half-closes; audio comes back in chunks while the service is
 * still speaking, so the first one arrives before the whole text is synthesised.
 *
 * <p>The proto calls streamed audio headerless; a first chunk that does start with a WAV header (as unary MULAW
 * does) has it walked and dropped all the same, so a service change cannot put header bytes on the line.
 *
 * <p>Threads: {@link #start} on the caller's thread; responses on gRPC threads, one at a time.
 */
final class GoogleTtsStream implements Cancellable, ResponseObserver<StreamingSynthesizeResponse> {

    private final BidiStreamingCallable<StreamingSynthesizeRequest, StreamingSynthesizeResponse> call;
    private final StreamingSynthesizeConfig config;
    private final List<String> pieces;
    private final TtsDelivery delivery;
    private final String voice;
    /** A copy target reused for every response (gRPC hands over a ByteString); grown when a chunk is larger. */
    private byte[] buffer = new byte[GoogleTtsSentences.CHUNK_BYTES];
    private boolean first = true;

    GoogleTtsStream(BidiStreamingCallable<StreamingSynthesizeRequest, StreamingSynthesizeResponse> call,
            StreamingSynthesizeConfig config, List<String> pieces, TtsDelivery delivery, String voice) {
        this.call = call;
        this.config = config;
        this.pieces = pieces;
        this.delivery = delivery;
        this.voice = voice;
    }

    void start() {
        delivery.start();
        try {
            ClientStream<StreamingSynthesizeRequest> requests = call.splitCall(this);
            requests.send(StreamingSynthesizeRequest.newBuilder().setStreamingConfig(config).build());
            for (String piece : pieces) {
                requests.send(StreamingSynthesizeRequest.newBuilder()
                        .setInput(StreamingSynthesisInput.newBuilder().setText(piece)).build());
            }
            requests.closeSend();
        } catch (RuntimeException e) {
            delivery.endLater(GoogleTtsErrors.describe(e, voice));
        }
    }

    @Override
    public void cancel() {
        delivery.cancel();
    }

    @Override
    public void onStart(StreamController controller) {
        delivery.transport(controller::cancel);
    }

    @Override
    public void onResponse(StreamingSynthesizeResponse response) {
        delivery.progress();
        ByteString audio = response.getAudioContent();
        int len = audio.size();
        if (len == 0) {
            return;
        }
        if (buffer.length < len) {
            buffer = new byte[len];
        }
        audio.copyTo(buffer, 0);
        int off = 0;
        if (first) {
            first = false;
            if (GoogleTtsWav.isWav(buffer, len)) {
                try {
                    GoogleTtsWav.Span samples = GoogleTtsWav.mulawSamples(buffer, len);
                    off = samples.offset();
                    len = samples.offset() + samples.length();
                } catch (WavFormatException e) {
                    delivery.fail(new WavFormatException("Google TTS (voice " + voice + ") streamed audio Kol "
                            + "cannot play: " + e.getMessage()));
                    return;
                }
            }
        }
        if (len > off) {
            delivery.audio(buffer, off, len - off);
        }
    }

    @Override
    public void onError(Throwable error) {
        delivery.fail(GoogleTtsErrors.describe(error, voice));
    }

    @Override
    public void onComplete() {
        delivery.done();
    }
}
