package kol.audio.vad;

import kol.audio.Telephony;

/**
 * Port for per-frame voice activity detection on the caller's audio: one 20 ms frame of 8 kHz PCM16 in, a
 * speech probability out. {@link SpeechSegmenter} turns these into speech start and end events.
 *
 * <p>One instance per call, driven by one thread: implementations keep per-call state (a noise floor, a
 * recurrent network's state) and are not thread-safe. Time is the number of frames fed, never a clock.
 */
public interface VoiceActivityDetector {

    /** Samples in each frame this port takes: 20 ms at 8 kHz. */
    int FRAME_SAMPLES = Telephony.FRAME_SAMPLES;

    /**
     * A frame at or above this is speech. Silero's own default; {@link EnergyVad} maps its decision onto
     * the same scale so the segmenter treats every detector alike.
     */
    float SPEECH_THRESHOLD = 0.5f;

    /** Probability in [0, 1] that {@code pcm8k[off, off + FRAME_SAMPLES)} is speech. */
    float speechProbability(short[] pcm8k, int off);

    /** {@link #speechProbability} at or above {@link #SPEECH_THRESHOLD}. */
    default boolean isSpeech(short[] pcm8k, int off) {
        return speechProbability(pcm8k, off) >= SPEECH_THRESHOLD;
    }

    /** Forgets all per-call state, as if freshly created. */
    void reset();

    /** Short name for logs and reports, e.g. {@code energy} or {@code silero}. */
    String name();
}
