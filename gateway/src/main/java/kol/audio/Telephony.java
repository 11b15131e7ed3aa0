package kol.audio;

/**
 * The one definition of the carrier's audio format: μ-law, 8 kHz, mono, sent in 20 ms frames.
 * Twilio Media Streams accepts exactly this and nothing else, so every package shares these numbers.
 */
public final class Telephony {

    public static final int SAMPLE_RATE_HZ = 8000;
    public static final int FRAME_MS = 20;
    public static final long FRAME_NS = FRAME_MS * 1_000_000L;
    /** Samples per frame: 8000 Hz × 20 ms. */
    public static final int FRAME_SAMPLES = SAMPLE_RATE_HZ * FRAME_MS / 1000;
    /** μ-law is one byte per sample, so a frame is 160 bytes. */
    public static final int FRAME_BYTES = FRAME_SAMPLES;

    private Telephony() {
    }

    /** Whole 8 kHz samples in {@code durationMs}. */
    public static int samplesFor(int durationMs) {
        return Math.toIntExact((long) durationMs * SAMPLE_RATE_HZ / 1000);
    }
}
