package kol.provider.google;

/**
 * Whether one call's recognition works, on the caller-audio clock (call offsets in bytes, 8 per ms): failures in a
 * row, when the next attempt may start, since when recognition has been down, and whether the listener has been told
 * that the outage outlasted {@code STT_OUTAGE_FALLBACK_MS}.
 *
 * <p>Not thread-safe: its owner's lock guards it.
 */
final class SpeechHealth {
    private static final int BYTES_PER_MS = 8;

    private final SpeechBackoff backoff;
    private final long fallbackBytes;
    private int failures;
    private long failuresTotal;
    private long retryAtBytes;
    private long downSinceBytes = -1;
    private boolean outageReported;
    private String lastFailure = "";

    SpeechHealth(SpeechBackoff backoff, int outageFallbackMs) {
        this.backoff = backoff;
        this.fallbackBytes = (long) outageFallbackMs * BYTES_PER_MS;
    }

    /**
     * A failure: the next attempt waits for the back-off, and recognition counts as down from {@code downSinceBytes}
     * unless it already was.
     *
     * @return the back-off in ms of caller audio
     */
    int failed(long nowBytes, long downSinceBytes, String why) {
        failures++;
        failuresTotal++;
        int delayMs = backoff.delayMs(failures);
        retryAtBytes = nowBytes + (long) delayMs * BYTES_PER_MS;
        if (this.downSinceBytes < 0) {
            this.downSinceBytes = Math.min(downSinceBytes, nowBytes);
        }
        lastFailure = why;
        return delayMs;
    }

    /** The next attempt may start at once (a stream renewed or ended by the server, not a failure). */
    void retryNow(long nowBytes) {
        retryAtBytes = nowBytes;
    }

    boolean mayAttempt(long nowBytes) {
        return nowBytes - retryAtBytes >= 0;
    }

    /** A stream answered: failures are no longer in a row. */
    void answered() {
        failures = 0;
    }

    /** Recognition works again. */
    void recovered() {
        downSinceBytes = -1;
        outageReported = false;
    }

    /** The outage report due now: once per outage, when it has lasted the fallback time; else null. */
    SpeechOutageException outageDue(long nowBytes) {
        if (downSinceBytes < 0 || outageReported || nowBytes - downSinceBytes < fallbackBytes) {
            return null;
        }
        outageReported = true;
        return new SpeechOutageException((nowBytes - downSinceBytes) / BYTES_PER_MS, lastFailure);
    }

    boolean isDown() {
        return downSinceBytes >= 0;
    }

    /** Call offset since which recognition has been down, or -1. */
    long downSinceBytes() {
        return downSinceBytes;
    }

    int failures() {
        return failures;
    }

    long failuresTotal() {
        return failuresTotal;
    }
}
