package kol.tx;

import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns pacer telemetry into log lines on its own thread, so that formatting and logging never run on (or block)
 * a pacer thread: the pacer only offers an event to a bounded lock-free queue, and when that queue is full the
 * event is counted and dropped instead of waiting.
 *
 * <p>Lines: {@code [TX] fps=50 q=6 drops=0 …} once a second per call; {@code [TX] greeting_end call=…} when the
 * greeting's closing mark is sent; {@code Send queue full, dropping frame} at most once a second per call.
 */
public final class TxLogReporter implements TxTelemetry, AutoCloseable {
    /** The mark that closes a greeting. */
    public static final String GREETING_END = "greeting_end";

    private static final Logger LOG = LoggerFactory.getLogger("kol.tx");

    private final ManyToOneConcurrentArrayQueue<Object> events = new ManyToOneConcurrentArrayQueue<>(1 << 16);
    private final AtomicLong eventsLost = new AtomicLong();
    private final boolean logSeconds;
    private final TxTelemetry next;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param logSeconds whether to log the per-second {@code [TX]} lines ({@code TX_LOG})
     * @param next telemetry to forward every event to on the pacer thread (metrics, a test), or {@link #NONE}
     */
    public TxLogReporter(boolean logSeconds, TxTelemetry next) {
        this.logSeconds = logSeconds;
        this.next = next;
        this.thread = new Thread(this::run, "kol-tx-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void onSecond(TxSecond second) {
        next.onSecond(second);
        if (logSeconds || second.sinkDropsInSecond() > 0) {
            offer(second);
        }
    }

    @Override
    public void onMarkSent(String callId, String markName, long nowNs) {
        next.onMarkSent(callId, markName, nowNs);
        if (GREETING_END.equals(markName)) {
            offer(new GreetingEndSent(callId));
        }
    }

    @Override
    public void onDetached(TxStats stats) {
        next.onDetached(stats);
    }

    @Override
    public void onSinkFailure(String callId, RuntimeException failure) {
        next.onSinkFailure(callId, failure);
        offer(new SinkFailure(callId, failure));
    }

    /** Telemetry events lost because the log thread fell behind. */
    public long eventsLost() {
        return eventsLost.get();
    }

    private void offer(Object event) {
        if (!events.offer(event)) {
            eventsLost.incrementAndGet();
        }
    }

    private void run() {
        while (running || !events.isEmpty()) {
            int drained = events.drain(this::log, 4096);
            if (drained == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void log(Object event) {
        if (event instanceof TxSecond) {
            TxSecond second = (TxSecond) event;
            if (second.sinkDropsInSecond() > 0) {
                LOG.warn("Send queue full, dropping frame: {} media frames dropped this second, sendq={} call={}",
                        second.sinkDropsInSecond(), second.sendq(), second.callId());
            }
            if (logSeconds) {
                LOG.info(second.logLine());
            }
        } else if (event instanceof SinkFailure) {
            SinkFailure failure = (SinkFailure) event;
            LOG.error("[TX] the sink of call={} failed; the pacer stopped serving that call", failure.callId(),
                    failure.failure());
        } else if (event instanceof GreetingEndSent) {
            LOG.info("[TX] greeting_end call={}", ((GreetingEndSent) event).callId());
        }
    }

    /** Stops the log thread after it has written what is queued. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record GreetingEndSent(String callId) {
    }

    private record SinkFailure(String callId, RuntimeException failure) {
    }
}
