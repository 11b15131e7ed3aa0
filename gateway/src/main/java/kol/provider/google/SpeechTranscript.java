package kol.provider.google;

import com.google.cloud.speech.v1.SpeechRecognitionAlternative;
import com.google.cloud.speech.v1.StreamingRecognitionResult;
import com.google.protobuf.Duration;
import java.util.List;
import kol.provider.stt.SttListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stream's results into listener calls on the call's audio clock, and delivers each stretch of the call's
 * audio as a final at most once.
 *
 * <p>A result's {@code result_end_time} counts from the start of its stream; a renewed stream starts with replayed
 * audio, so its results are placed at the stream's start offset plus that time. A final that ends at or before the
 * end of a final already delivered covers audio already transcribed (a stream renewed across it) and is dropped.
 *
 * <p>Not thread-safe: its owner's lock guards it, which also keeps listener calls in order and one at a time.
 */
final class SpeechTranscript {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechTranscript.class);
    /** One byte of 8 kHz μ-law is 125 µs: a result time converts to a byte offset exactly. */
    private static final int NANOS_PER_BYTE = 125_000;

    private final SttListener listener;
    private long deliveredFinalEndBytes = -1;
    private long finals;
    private long partials;
    private long duplicateFinals;

    SpeechTranscript(SttListener listener) {
        this.listener = listener;
    }

    /**
     * Delivers one response's results: the final first (a response holds at most one), then the interim text.
     *
     * @return the call offset where the response's final ends, or -1 when it holds none
     */
    long deliver(SpeechAttempt attempt, List<StreamingRecognitionResult> results) {
        long finalEndBytes = -1;
        StringBuilder interim = null;
        long interimEndBytes = -1;
        for (StreamingRecognitionResult result : results) {
            long endBytes = attempt.startBytes() + bytes(result.getResultEndTime());
            String text = result.getAlternativesCount() == 0 ? "" : result.getAlternatives(0).getTranscript();
            if (result.getIsFinal()) {
                attempt.partialPending(false);
                finalEndBytes = Math.max(finalEndBytes, endBytes);
                deliverFinal(text.strip(), endBytes, result);
            } else {
                interim = interim == null ? new StringBuilder(text) : interim.append(text);
                interimEndBytes = Math.max(interimEndBytes, endBytes);
            }
        }
        if (interim != null && !interim.toString().isBlank() && interimEndBytes > deliveredFinalEndBytes) {
            attempt.partialPending(true);
            partials++;
            try {
                listener.onPartial(interim.toString().strip(), interimEndBytes / 8);
            } catch (RuntimeException e) {
                LOG.warn("Speech-to-text listener failed on a partial result", e);
            }
        }
        return finalEndBytes;
    }

    private void deliverFinal(String text, long endBytes, StreamingRecognitionResult result) {
        if (endBytes <= deliveredFinalEndBytes) {
            duplicateFinals++;
            return;
        }
        deliveredFinalEndBytes = endBytes;
        if (text.isEmpty()) {
            return;
        }
        SpeechRecognitionAlternative best = result.getAlternatives(0);
        // Google leaves confidence at 0.0 when it does not estimate one (v1 proto); the port says -1 for that.
        double confidence = best.getConfidence() > 0 ? best.getConfidence() : -1;
        finals++;
        try {
            listener.onFinal(text, endBytes / 8, confidence);
        } catch (RuntimeException e) {
            LOG.warn("Speech-to-text listener failed on a final result", e);
        }
    }

    static long bytes(Duration time) {
        return time.getSeconds() * 8000 + time.getNanos() / NANOS_PER_BYTE;
    }

    long finals() {
        return finals;
    }

    long partials() {
        return partials;
    }

    long duplicateFinals() {
        return duplicateFinals;
    }
}
