package kol.tx;

/**
 * Receives what the pacer observes. Every method is called on a pacer thread and must return at once: no I/O, no
 * locks that I/O holds, no logging on the calling thread.
 */
public interface TxTelemetry {

    /** A call's second closed. */
    void onSecond(TxSecond second);

    /** A MARK left the queue for the sink. */
    void onMarkSent(String callId, String markName, long nowNs);

    /** A sink threw while the pacer wrote to it; the pacer has detached that call and goes on with the others. */
    default void onSinkFailure(String callId, RuntimeException failure) {
    }

    /** The pacer stopped serving a call (after STOP, or detached). */
    default void onDetached(TxStats stats) {
    }

    /** Telemetry that goes nowhere. */
    TxTelemetry NONE = new TxTelemetry() {
        @Override
        public void onSecond(TxSecond second) {
        }

        @Override
        public void onMarkSent(String callId, String markName, long nowNs) {
        }
    };
}
