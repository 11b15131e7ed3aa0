package kol.tx;

import java.util.Locale;

/**
 * One second of one call's TX telemetry, as the pacer closed it. Read by the {@code [TX]} log line, and later by
 * metrics, the dashboard and the GO/NO-GO check.
 *
 * @param callId the call
 * @param fps media frames sent in this second (normalised to exactly one second)
 * @param q frames queued (media + control) when the second closed
 * @param qmax deepest the queue was during the second
 * @param sendq frames in the sink's send queue when the second closed
 * @param drops media frames dropped since the call began: queue full (oldest first) plus sink full
 * @param sinkDropsInSecond media frames dropped this second because the sink's send queue was full
 * @param busy deadlines in this second at which a media frame was waiting (50: the bot spoke all second long)
 * @param late deadlines served more than 2 ms late in this second
 * @param resyncs times the call's clock was re-anchored since the call began (more than 2 frames late)
 * @param dev99Ms p99 of |send interval − 20 ms| over this second's consecutive media frames
 * @param devMaxMs the largest such deviation in this second
 */
public record TxSecond(String callId, int fps, int q, int qmax, int sendq, long drops, long sinkDropsInSecond,
        int busy, int late, long resyncs, double dev99Ms, double devMaxMs) {

    /** The {@code [TX]} log line: {@code fps}, {@code q} and {@code drops} first, always in this order. */
    public String logLine() {
        return String.format(Locale.ROOT, "[TX] fps=%d q=%d drops=%d qmax=%d sendq=%d busy=%d late=%d resync=%d"
                + " dev99=%.2fms devmax=%.2fms call=%s", fps, q, drops, qmax, sendq, busy, late, resyncs, dev99Ms,
                devMaxMs, callId);
    }
}
