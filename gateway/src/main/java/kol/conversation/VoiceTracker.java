package kol.conversation;

/** Turns the caller's 20 ms frames into speech starts and ends (the VAD plus hangover), one call, one thread. */
public interface VoiceTracker {
    /** What one frame changed. */
    enum Change { NONE, SPEECH_STARTED, SPEECH_ENDED }

    /** Feeds 160 PCM16 samples (20 ms at 8 kHz). */
    Change onFrame(short[] pcm, int off);

    /** How long the present run of speech has lasted, in ms (0 when the caller is silent). */
    long speechRunMs();

    /** The hangover: silence after which speech counts as ended. */
    long hangoverMs();
}
