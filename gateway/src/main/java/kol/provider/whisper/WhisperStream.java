package kol.provider.whisper;

import java.io.IOException;
import java.util.Arrays;
import kol.audio.Telephony;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;

/**
 * One call's recognition: the caller's μ-law is kept until {@link #endOfUtterance}, then handed to the worker as one
 * job.
 *
 * <p>Threads: the conversation calls {@code sendAudio}, {@code endOfUtterance}, {@code cancelUtterance} and
 * {@code close} one at a time; results come from the worker. A result is delivered under {@code lock} only if its
 * utterance is still wanted (its generation is current and the stream open), and {@code cancelUtterance} and
 * {@code close} move the generation on under the same lock: so nothing arrives for a cancelled utterance or after
 * {@code close} returns.
 */
final class WhisperStream implements SttStream {

    /**
     * Whisper reads 30-second windows, and a phone utterance longer than that is not an answer to a question; the
     * first 30 s are kept and the rest of the utterance is dropped.
     */
    static final int MAX_UTTERANCE_BYTES = 30 * Telephony.SAMPLE_RATE_HZ;
    private static final int INITIAL_BYTES = 4 * Telephony.SAMPLE_RATE_HZ;

    private final WhisperStt whisper;
    private final SttListener listener;
    private final Object lock = new Object();
    /** Conversation thread only. */
    private byte[] utterance = new byte[INITIAL_BYTES];
    private int utteranceBytes;
    private long receivedBytes;
    /** Guarded by {@code lock}. */
    private long generation;
    private boolean closed;

    WhisperStream(WhisperStt whisper, SttListener listener) {
        this.whisper = whisper;
        this.listener = listener;
    }

    @Override
    public void sendAudio(byte[] ulaw, int off, int len) {
        receivedBytes += len;
        int keep = Math.min(len, MAX_UTTERANCE_BYTES - utteranceBytes);
        if (keep <= 0) {
            return;
        }
        if (utteranceBytes + keep > utterance.length) {
            utterance = Arrays.copyOf(utterance, Math.min(MAX_UTTERANCE_BYTES,
                    Math.max(utterance.length * 2, utteranceBytes + keep)));
        }
        System.arraycopy(ulaw, off, utterance, utteranceBytes, keep);
        utteranceBytes += keep;
    }

    @Override
    public void endOfUtterance() {
        byte[] audio = Arrays.copyOf(utterance, utteranceBytes);
        utteranceBytes = 0;
        long endMs = receivedBytes * 1000 / Telephony.SAMPLE_RATE_HZ;
        long wanted;
        synchronized (lock) {
            if (closed) {
                return;
            }
            wanted = generation;
        }
        if (!whisper.submit(() -> transcribe(audio, endMs, wanted))) {
            listener.onError(new IOException("Whisper is busy (" + WhisperStt.MAX_WAITING + " utterances waiting); "
                    + "this one was dropped"), true);
        }
    }

    private void transcribe(byte[] audio, long endMs, long wanted) {
        if (!stillWanted(wanted)) {
            return;
        }
        String text;
        try {
            if (audio.length == 0) {
                text = "";
            } else {
                float[] samples = WhisperAudio.fromMulaw(audio, audio.length);
                text = whisper.engine().transcribe(samples, samples.length);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                if (wanted == generation && !closed) {
                    listener.onError(e, true);
                }
            }
            return;
        }
        synchronized (lock) {
            if (wanted == generation && !closed) {
                listener.onFinal(text, endMs, -1);
            }
        }
    }

    private boolean stillWanted(long wanted) {
        synchronized (lock) {
            return wanted == generation && !closed;
        }
    }

    @Override
    public void cancelUtterance() {
        utteranceBytes = 0;
        synchronized (lock) {
            generation++;
        }
    }

    @Override
    public void close() {
        utterance = new byte[0];
        utteranceBytes = 0;
        synchronized (lock) {
            closed = true;
            generation++;
        }
    }
}
