package kol.carrier;

/** The application behind the carrier: one listener per call. */
@FunctionalInterface
public interface CallApp extends AutoCloseable {

    /** A call started; return the listener for its events. Called on the call's carrier thread: do not block. */
    CallListener onCall(CallSession session);

    /** Kol is shutting down and no call is left: release what the application holds (provider clients). */
    @Override
    default void close() {
    }
}
