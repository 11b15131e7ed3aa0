package kol.tx;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One pacer duty cycle serving many calls: {@code long doWork(nowNs)} over a timing wheel of 1 ms buckets spanning
 * one 20 ms frame. A call lives in the bucket of its deadline; since {@code deadline += 20 ms} lands in the same
 * bucket, a call moves only when it resyncs. Each cycle scans just the buckets whose time has come, so the cost per
 * wake-up is the calls due in that millisecond, not all calls.
 *
 * <p>DESIGN: new calls go into the least-loaded bucket, spreading calls over the phases of the 20 ms cycle, so no
 * millisecond carries a burst of thousands of sends while the others idle.
 *
 * <p>Threading: {@link #doWork(long)} runs on one thread (the lane's owner). {@link #attach} and {@link #detach}
 * may be called from any thread; they post commands the owner applies at its next cycle.
 */
final class PacerLane {
    static final long TICK_NS = 1_000_000L;
    static final int WHEEL_BUCKETS = (int) (Frame.FRAME_NS / TICK_NS);
    private static final long RESYNC_AFTER_NS = 2 * Frame.FRAME_NS;
    private static final int MAX_CATCH_UP = 3;

    private final TxTelemetry telemetry;
    private final SingleWriterRecorder deviationRecorder = new SingleWriterRecorder(60_000_000L, 3);
    private final PacedCall[][] buckets = new PacedCall[WHEEL_BUCKETS][16];
    private final int[] bucketSizes = new int[WHEEL_BUCKETS];
    private final Queue<PacedCall> toAttach = new ConcurrentLinkedQueue<>();
    private final Queue<PacedCall> toDetach = new ConcurrentLinkedQueue<>();
    private long nextTickToScan = Long.MIN_VALUE;
    private volatile int callCount;

    PacerLane(TxTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    int callCount() {
        return callCount;
    }

    /** |send interval − 20 ms| of consecutive media frames, in µs, over all of this lane's calls. */
    SingleWriterRecorder deviationRecorder() {
        return deviationRecorder;
    }

    void attach(PacedCall call) {
        toAttach.add(call);
    }

    void detach(PacedCall call) {
        toDetach.add(call);
    }

    /**
     * Serves every call whose deadline has come. Returns the time at which the next call falls due (at the latest
     * the start of the next tick), for the runner to park until.
     */
    long doWork(long nowNs) {
        applyCommands(nowNs);
        long currentTick = Math.floorDiv(nowNs, TICK_NS);
        if (nextTickToScan == Long.MIN_VALUE || currentTick - nextTickToScan >= WHEEL_BUCKETS) {
            nextTickToScan = currentTick - WHEEL_BUCKETS + 1;
        }
        long nextWakeNs = (currentTick + 1) * TICK_NS;
        for (long tick = nextTickToScan; tick <= currentTick; tick++) {
            long pendingNs = scanBucket(bucketOfTick(tick), nowNs);
            if (pendingNs - nextWakeNs < 0) {
                nextWakeNs = pendingNs;
            }
        }
        // The current bucket may hold calls due later in this millisecond: scan it again next time.
        nextTickToScan = currentTick;
        return nextWakeNs;
    }

    /** Serves the due calls of one bucket; returns the earliest deadline still pending in it (or MAX_VALUE). */
    private long scanBucket(int bucket, long nowNs) {
        long earliestPendingNs = Long.MAX_VALUE;
        PacedCall[] calls = buckets[bucket];
        int i = 0;
        while (i < bucketSizes[bucket]) {
            PacedCall call = calls[i];
            if (call.deadlineNs - nowNs > 0) {
                if (call.deadlineNs - nowNs < Frame.FRAME_NS && call.deadlineNs < earliestPendingNs) {
                    earliestPendingNs = call.deadlineNs;
                }
                i++;
                continue;
            }
            try {
                serve(call, nowNs);
            } catch (RuntimeException failure) {
                // One broken sink must not stop the pacing of every other call on this lane.
                call.stopped = true;
                telemetry.onSinkFailure(call.callId, failure);
            }
            if (call.stopped) {
                remove(call);
                finish(call);
            }
            if (call.bucket == bucket) {
                i++;
            }
            // else it left this bucket (stopped, or resynced elsewhere): slot i now holds another call to look at
        }
        return earliestPendingNs;
    }

    private void serve(PacedCall call, long nowNs) {
        for (int round = 0; round < MAX_CATCH_UP && call.deadlineNs - nowNs <= 0 && !call.stopped; round++) {
            long lateNs = nowNs - call.deadlineNs;
            if (lateNs > RESYNC_AFTER_NS) {
                // More than two frames late (a GC pause, an overloaded core): re-anchor rather than burst.
                call.stats.resyncs++;
                call.deadlineNs = nowNs + Frame.FRAME_NS;
            } else {
                call.deadlineNs += Frame.FRAME_NS;
            }
            int deviationUs = call.serve(nowNs, telemetry);
            if (deviationUs >= 0) {
                deviationRecorder.recordValue(Math.min(deviationUs, 60_000_000L));
            }
        }
        int bucket = bucketOf(call.deadlineNs);
        if (bucket != call.bucket && !call.stopped) {
            remove(call);
            add(call, bucket);
        }
    }

    private void applyCommands(long nowNs) {
        PacedCall call;
        while ((call = toAttach.poll()) != null) {
            place(call, nowNs);
        }
        while ((call = toDetach.poll()) != null) {
            if (call.bucket >= 0) {
                remove(call);
                finish(call);
            }
        }
    }

    private void place(PacedCall call, long nowNs) {
        int emptiest = 0;
        for (int b = 1; b < WHEEL_BUCKETS; b++) {
            if (bucketSizes[b] < bucketSizes[emptiest]) {
                emptiest = b;
            }
        }
        // First deadline: the next time the chosen bucket's millisecond comes round, at least one tick from now.
        long tick = Math.floorDiv(nowNs, TICK_NS) + 1;
        while (bucketOfTick(tick) != emptiest) {
            tick++;
        }
        call.start(tick * TICK_NS, nowNs);
        add(call, emptiest);
    }

    private void add(PacedCall call, int bucket) {
        PacedCall[] calls = buckets[bucket];
        int size = bucketSizes[bucket];
        if (size == calls.length) {
            calls = Arrays.copyOf(calls, size * 2);
            buckets[bucket] = calls;
        }
        calls[size] = call;
        call.bucket = bucket;
        call.indexInBucket = size;
        bucketSizes[bucket] = size + 1;
        callCount++;
    }

    private void remove(PacedCall call) {
        int bucket = call.bucket;
        PacedCall[] calls = buckets[bucket];
        int last = --bucketSizes[bucket];
        PacedCall moved = calls[last];
        calls[call.indexInBucket] = moved;
        moved.indexInBucket = call.indexInBucket;
        calls[last] = null;
        call.bucket = -1;
        call.indexInBucket = -1;
        callCount--;
    }

    private void finish(PacedCall call) {
        call.stats.detached = true;
        call.sink.onPacerDetached();
        telemetry.onDetached(call.stats);
    }

    private static int bucketOf(long deadlineNs) {
        return bucketOfTick(Math.floorDiv(deadlineNs, TICK_NS));
    }

    private static int bucketOfTick(long tick) {
        return (int) Math.floorMod(tick, (long) WHEEL_BUCKETS);
    }
}
