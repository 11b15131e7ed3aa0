package kol.carrier;

/** The application behind the carrier: one listener per call. */
@FunctionalInterface
public interface CallApp {

    /** A call started; return the listener for its events. Called on the call's carrier thread: do not block. */
    CallListener onCall(CallSession session);
}
