package kol.tx;

/**
 * Where a call's paced frames go (a carrier WebSocket, a counting sink, a recorder). Only {@link TxPacer} calls
 * {@link #write(Frame)}; an ArchUnit test enforces it. Implementations keep a bounded send queue
 * ({@code SEND_QUEUE_FRAMES}) and report its fill, so the pacer can drop media instead of growing hidden lag.
 *
 * <p>Threading: {@code write} is called from one pacer thread at a time; the query methods may be called from any
 * thread.
 */
public interface FrameSink {

    /** True when the send queue has room for one more frame. */
    boolean canAccept();

    /** Frames currently waiting in the send queue (for telemetry). */
    int sendQueueFrames();

    /**
     * Sends one frame. A MEDIA frame's payload is only valid during this call. Called only when {@link #canAccept()}
     * was true just before.
     */
    void write(Frame frame);

    /** The pacer is done with this sink (after STOP, or when the call is removed). Default: nothing. */
    default void onPacerDetached() {
    }
}
