package kol.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The only code that takes frames off a {@link TxQueue} and hands them to a {@link FrameSink}: one 20 ms media
 * frame per call per 20 ms, {@code deadline += 20 ms} on a monotonic clock, re-anchored (and counted) only when a
 * call falls more than two frames behind.
 *
 * <p>DESIGN: a few lanes (by default one thread per core), each a timing wheel over many calls ({@link PacerLane}),
 * rather than a timer or thread per call. Measured with {@code ./kol bench pacer}: at 5,000 calls on 2 cores the
 * wheel keeps p99 send-interval deviation well under a millisecond, where one scheduled task per call on a
 * {@code ScheduledThreadPoolExecutor} drifts (see the README's Performance section for the figures).
 *
 * <p>A pacer made by {@link #manual(NanoClock, TxTelemetry)} has one lane and no thread: tests drive it with
 * {@link #doWork(long)} on a hand-advanced clock.
 */
public final class TxPacer implements AutoCloseable {
    private final NanoClock clock;
    private final PacerLane[] lanes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private int nextLane;

    private TxPacer(NanoClock clock, int laneCount, TxTelemetry telemetry) {
        this.clock = clock;
        this.lanes = new PacerLane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new PacerLane(telemetry);
        }
    }

    /**
     * A running pacer with {@code threads} lanes on the system's monotonic clock; 0 = half the cores, at least one
     * (the other half is for producers and sockets: on 2 cores one lane gave a lower p99 than two at 10,000 calls).
     */
    public static TxPacer start(int threads, TxTelemetry telemetry) {
        int laneCount = threads > 0 ? threads : defaultLanes();
        TxPacer pacer = new TxPacer(new SystemNanoClock(), laneCount, telemetry);
        for (int i = 0; i < laneCount; i++) {
            PacerLane lane = pacer.lanes[i];
            Thread thread = new Thread(() -> pacer.runLane(lane), "kol-pacer-" + i);
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            pacer.threads.add(thread);
            thread.start();
        }
        return pacer;
    }

    /** Lanes used when none are asked for: half the available cores, at least one. */
    public static int defaultLanes() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** A pacer with one lane and no thread, driven by {@link #doWork(long)}; for tests on a manual clock. */
    public static TxPacer manual(NanoClock clock, TxTelemetry telemetry) {
        return new TxPacer(clock, 1, telemetry);
    }

    /**
     * Starts pacing {@code queue} into {@code sink}. The call is placed in the least-loaded phase of the 20 ms cycle;
     * its first frame goes out within about 20 ms. Any thread.
     */
    public synchronized PacerHandle attach(String callId, TxQueue queue, FrameSink sink) {
        int laneIndex = nextLane;
        nextLane = (nextLane + 1) % lanes.length;
        PacerHandle handle = new PacerHandle(this, laneIndex);
        PacedCall call = new PacedCall(callId, queue, sink, handle);
        handle.bind(call);
        lanes[laneIndex].attach(call);
        return handle;
    }

    void detach(int lane, PacedCall call) {
        lanes[lane].detach(call);
    }

    /**
     * A pacer with {@code laneCount} lanes and no threads of its own, for an outside scheduler (such as event-loop
     * timers) to drive with {@link #doWork(int, long)}: each lane from one thread only.
     */
    public static TxPacer driven(int laneCount, TxTelemetry telemetry) {
        return new TxPacer(new SystemNanoClock(), laneCount, telemetry);
    }

    /** Manual pacers only: one duty cycle at {@code nowNs}; returns when the next call falls due. */
    public long doWork(long nowNs) {
        return doWork(0, nowNs);
    }

    /** Driven and manual pacers only: one duty cycle of lane {@code lane}; returns when its next call falls due. */
    public long doWork(int lane, long nowNs) {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("doWork is for manual and driven pacers; this one runs its own threads");
        }
        return lanes[lane].doWork(nowNs);
    }

    public int laneCount() {
        return lanes.length;
    }

    /** Calls being served now, over all lanes. */
    public int callCount() {
        int count = 0;
        for (PacerLane lane : lanes) {
            count += lane.callCount();
        }
        return count;
    }

    /**
     * The distribution of |send interval − 20 ms| in µs over all calls since the previous call of this method.
     * Any thread.
     */
    public synchronized Histogram takeDeviationHistogramUs() {
        Histogram total = new Histogram(60_000_000L, 3);
        for (PacerLane lane : lanes) {
            total.add(lane.deviationRecorder().getIntervalHistogram());
        }
        return total;
    }

    public NanoClock clock() {
        return clock;
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runLane(PacerLane lane) {
        while (running) {
            long nextNs = lane.doWork(clock.nanoTime());
            long sleepNs = nextNs - clock.nanoTime();
            if (sleepNs > 0) {
                LockSupport.parkNanos(sleepNs);
            }
        }
    }

}
