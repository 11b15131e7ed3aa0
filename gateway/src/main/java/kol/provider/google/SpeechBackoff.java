package kol.provider.google;

import java.util.function.IntUnaryOperator;

/**
 * Delays between attempts to reach Google after consecutive failures, in ms of caller audio: the first retry at
 * once (most failures are one dropped connection or a stream Google ended), then exponential from
 * {@link #BASE_MS} to {@link #CAP_MS} with "equal jitter" (half fixed, half random), so a region-wide outage does
 * not bring every call back in the same instant, and the delay still grows with each failure.
 */
final class SpeechBackoff {
    static final int BASE_MS = 250;
    static final int CAP_MS = 8000;

    private final IntUnaryOperator random;

    /** @param random given a bound {@code n > 0}, a uniform value in {@code [0, n)} */
    SpeechBackoff(IntUnaryOperator random) {
        this.random = random;
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} consecutive failures (≥ 1). */
    int delayMs(int failures) {
        if (failures <= 1) {
            return 0;
        }
        int doublings = Math.min(failures - 2, 30);
        int full = (int) Math.min(CAP_MS, (long) BASE_MS << doublings);
        int half = full / 2;
        return half + random.applyAsInt(full - half + 1);
    }
}
