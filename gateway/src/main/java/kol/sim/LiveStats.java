package kol.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running counters shared by all calls of a run, for the once-a-second line. Calls add from their event loops
 * (lock-free adders); one reader takes a {@link #sample} each second.
 */
public final class LiveStats {
    private final long startNs = System.nanoTime();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder underruns = new LongAdder();
    private final LongAdder marks = new LongAdder();
    private final LongAdder clears = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    /** Every call reports every tick from every event loop: striped, so no cache line is shared by all of them. */
    private final LongAccumulator bufferMaxMs = new LongAccumulator(Math::max, 0);
    private final LongAccumulator sendLagMaxUs = new LongAccumulator(Math::max, 0);
    private long lastSent;
    private long lastReceived;

    void callStarted() {
        started.incrementAndGet();
    }

    void callConnected() {
        connected.incrementAndGet();
    }

    void callFailed() {
        failed.incrementAndGet();
    }

    void callEnded() {
        ended.incrementAndGet();
    }

    void frameSent() {
        framesSent.increment();
    }

    void frameReceived() {
        framesReceived.increment();
    }

    void underrun() {
        underruns.increment();
    }

    void markEchoed() {
        marks.increment();
    }

    void clear() {
        clears.increment();
    }

    void invalidMessage() {
        invalid.increment();
    }

    /** A call's playout buffer depth now; the sample keeps the largest since the last sample. */
    void bufferDepth(long depthMs) {
        bufferMaxMs.accumulate(depthMs);
    }

    /**
     * How late a call's due frame went out ({@code nowNs − deadline}): the simulator's own lag, which every figure
     * it measures inherits. The sample keeps the largest since the last sample.
     */
    void sendLag(long lateNs) {
        sendLagMaxUs.accumulate(lateNs / 1000);
    }

    /** The second just past: frames per second since the last sample, totals so far. One reader at a time. */
    public synchronized LiveSecond sample() {
        long sent = framesSent.sum();
        long received = framesReceived.sum();
        LiveSecond second = new LiveSecond((System.nanoTime() - startNs) / 1_000_000_000L, started.get(),
                connected.get(), failed.get(), ended.get(), sent - lastSent, received - lastReceived,
                bufferMaxMs.getThenReset(), underruns.sum(), marks.sum(), clears.sum(), invalid.sum(),
                sendLagMaxUs.getThenReset() / 1000.0);
        lastSent = sent;
        lastReceived = received;
        return second;
    }
}
