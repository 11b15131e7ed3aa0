package kol.tx;

/** What happened to a frame offered to a {@link TxQueue}. Back-pressure is a value, not an exception. */
public enum OfferResult {
    /** Queued. */
    ACCEPTED,
    /** Queued, and the oldest queued media frame was dropped to make room (counted). */
    ACCEPTED_DROPPED_OLDEST,
    /** The queue is closed (the call ended); the frame was discarded. */
    CLOSED
}
