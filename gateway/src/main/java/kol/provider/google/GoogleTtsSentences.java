package kol.provider.google;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.texttospeech.v1.SynthesisInput;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechRequest;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechResponse;
import java.util.List;
import kol.audio.WavFormatException;
import kol.provider.Cancellable;
import kol.provider.tts.TtsDelivery;

/**
 * One synthesis with a voice that does not stream: a {@code SynthesizeSpeech} call per sentence, one after the other,
 * each sentence's audio delivered as soon as its answer comes. The next request goes out when the previous answer is
 * in, so sentences never overlap on the wire and their audio arrives in order; the listener plays sentence one while
 * sentence two is being made, since speech lasts far longer than its synthesis.
 *
 * <p>Threads: {@link #start} on the caller's thread; each answer on a gRPC thread, which also sends the next request.
 */
final class GoogleTtsSentences implements Cancellable {

    /** Audio is handed over in pieces of this size (half a second of 8 kHz μ-law) so a cancel lands between them. */
    static final int CHUNK_BYTES = 4000;

    private final UnaryCallable<SynthesizeSpeechRequest, SynthesizeSpeechResponse> call;
    private final SynthesizeSpeechRequest template;
    private final List<String> pieces;
    private final TtsDelivery delivery;
    private final String voice;
    /** Touched by one thread at a time: the starter, then each answer's callback in turn. */
    private int next;

    GoogleTtsSentences(UnaryCallable<SynthesizeSpeechRequest, SynthesizeSpeechResponse> call,
            SynthesizeSpeechRequest template, List<String> pieces, TtsDelivery delivery, String voice) {
        this.call = call;
        this.template = template;
        this.pieces = pieces;
        this.delivery = delivery;
        this.voice = voice;
    }

    void start() {
        delivery.start();
        requestNext();
    }

    @Override
    public void cancel() {
        delivery.cancel();
    }

    private void requestNext() {
        if (delivery.isOver()) {
            return;
        }
        if (next == pieces.size()) {
            delivery.done();
            return;
        }
        SynthesizeSpeechRequest request = template.toBuilder()
                .setInput(SynthesisInput.newBuilder().setText(pieces.get(next++))).build();
        ApiFuture<SynthesizeSpeechResponse> answer;
        try {
            answer = call.futureCall(request);
        } catch (RuntimeException e) {
            delivery.endLater(GoogleTtsErrors.describe(e, voice));
            return;
        }
        delivery.transport(() -> answer.cancel(true));
        // Runnable::run: the callback is short and ends by sending the next request, which does not block.
        ApiFutures.addCallback(answer, new ApiFutureCallback<>() {
            @Override
            public void onSuccess(SynthesizeSpeechResponse response) {
                delivery.progress();
                if (deliver(response)) {
                    requestNext();
                }
            }

            @Override
            public void onFailure(Throwable error) {
                delivery.fail(GoogleTtsErrors.describe(error, voice));
            }
        }, Runnable::run);
    }

    private boolean deliver(SynthesizeSpeechResponse response) {
        byte[] wav = response.getAudioContent().toByteArray();
        GoogleTtsWav.Span samples;
        try {
            samples = GoogleTtsWav.mulawSamples(wav, wav.length);
        } catch (WavFormatException e) {
            delivery.fail(new WavFormatException("Google TTS (voice " + voice + ") returned audio Kol cannot play: "
                    + e.getMessage()));
            return false;
        }
        int end = samples.offset() + samples.length();
        for (int at = samples.offset(); at < end; at += CHUNK_BYTES) {
            if (!delivery.audio(wav, at, Math.min(CHUNK_BYTES, end - at))) {
                return false;
            }
        }
        return true;
    }
}
