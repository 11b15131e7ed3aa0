package kol.tx;

/**
 * A call attached to a {@link TxPacer}: its counters, and the way to stop serving it. Thread-safe.
 */
public final class PacerHandle {
    private final TxPacer pacer;
    private final int lane;
    private volatile PacedCall call;

    PacerHandle(TxPacer pacer, int lane) {
        this.pacer = pacer;
        this.lane = lane;
    }

    void bind(PacedCall paced) {
        this.call = paced;
    }

    public String callId() {
        return call.callId;
    }

    public TxStats stats() {
        return call.stats;
    }

    public TxQueue queue() {
        return call.queue;
    }

    /** Stops serving the call at the lane's next cycle (frames still queued are not sent). */
    public void detach() {
        pacer.detach(lane, call);
    }

    PacedCall call() {
        return call;
    }
}
