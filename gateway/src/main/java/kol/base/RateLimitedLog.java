package kol.base;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A log line that is written at most once per interval; occurrences in between are counted and reported with the
 * next line ("… (12 more since the last line)"), so a flood of bad input costs one line a second, not one per
 * message, and nothing is hidden.
 *
 * <p>Thread-safe.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNs;
    private long lastNs = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this.logger = logger;
        this.intervalNs = unit.toNanos(interval);
    }

    /** Logs {@code message} at WARN unless a line went out less than one interval ago. */
    public synchronized void warn(String message) {
        long now = System.nanoTime();
        if (lastNs != Long.MIN_VALUE && now - lastNs < intervalNs) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            logger.warn("{} ({} more since the last line)", message, suppressed);
        } else {
            logger.warn(message);
        }
        suppressed = 0;
        lastNs = now;
    }

    /** Occurrences not yet reported. */
    public synchronized long suppressed() {
        return suppressed;
    }
}
