package kol.tx;

/**
 * A call's TX counters, readable from any thread (metrics, dashboard, GO/NO-GO, the pacer benchmark). Written only
 * by the pacer thread that serves the call; fields are volatile for visibility, and single-writer so plain
 * increments are safe.
 */
public final class TxStats {
    private final String callId;
    private final TxQueue queue;
    private final FrameSink sink;

    volatile long mediaSent;
    volatile long controlSent;
    volatile long sinkDrops;
    volatile long resyncs;
    volatile long lateSends;
    volatile long firstMediaSentNs;
    volatile boolean detached;
    volatile TxSecond lastSecond;

    TxStats(String callId, TxQueue queue, FrameSink sink) {
        this.callId = callId;
        this.queue = queue;
        this.sink = sink;
    }

    public String callId() {
        return callId;
    }

    /** Media frames handed to the sink. */
    public long mediaSent() {
        return mediaSent;
    }

    /** Control frames handed to the sink. */
    public long controlSent() {
        return controlSent;
    }

    /** Media frames dropped because the sink's send queue was full. */
    public long sinkDrops() {
        return sinkDrops;
    }

    /** Media frames dropped because the TX queue was full. */
    public long queueDrops() {
        return queue.mediaDropped();
    }

    /** Every media frame dropped: queue full plus sink full. Barge-in flushes are not drops. */
    public long drops() {
        return queue.mediaDropped() + sinkDrops;
    }

    public long resyncs() {
        return resyncs;
    }

    /** Deadlines served more than 2 ms late. */
    public long lateSends() {
        return lateSends;
    }

    /** Frames queued now (media + control). */
    public int queueDepth() {
        return queue.depth();
    }

    public int sendQueueFrames() {
        return sink.sendQueueFrames();
    }

    /** The last closed second, or null before the first one. */
    public TxSecond lastSecond() {
        return lastSecond;
    }

    /** True once the pacer no longer serves this call. */
    public boolean isDetached() {
        return detached;
    }
}
