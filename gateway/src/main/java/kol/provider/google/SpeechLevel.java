package kol.provider.google;

import kol.audio.G711;

/**
 * Whether a batch of caller audio carries speech-like energy, so that a stream which answers nothing is only called
 * stalled when it was sent something to answer: Google sends nothing at all while the caller is silent.
 */
final class SpeechLevel {
    /**
     * Mean absolute sample at or above which a batch counts as voiced: about -40 dBFS. Telephone speech sits near
     * -26 dBFS RMS (mean absolute ~1300); line noise near -50 to -60 dBFS (mean absolute 30–100).
     */
    static final int VOICED_MEAN_ABS = 330;

    private SpeechLevel() {
    }

    static boolean voiced(byte[] ulaw, int off, int len) {
        if (len <= 0) {
            return false;
        }
        long sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += Math.abs(G711.decode(ulaw[i]));
        }
        return sum >= (long) VOICED_MEAN_ABS * len;
    }
}
