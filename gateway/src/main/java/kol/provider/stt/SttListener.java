package kol.provider.stt;

/** Receives recognition results. Must not block for long. */
public interface SttListener {

    /**
     * An interim hypothesis.
     *
     * @param text the words so far
     * @param audioEndMs where in the call's audio (ms since the stream began) the hypothesis ends
     */
    void onPartial(String text, long audioEndMs);

    /**
     * A final result for an utterance.
     *
     * @param text the words
     * @param audioEndMs where in the call's audio the utterance ended
     * @param confidence 0–1, or -1 when the provider gives none
     */
    void onFinal(String text, long audioEndMs, double confidence);

    /**
     * Recognition has been down for {@code STT_OUTAGE_FALLBACK_MS} (once per outage): the caller should hear a short
     * line saying so, while the recogniser keeps retrying.
     */
    default void onOutage(long downForMs) {
    }

    /** Recognition failed or is degraded (the stream may recover by itself). */
    default void onError(Exception error, boolean recovering) {
    }
}
