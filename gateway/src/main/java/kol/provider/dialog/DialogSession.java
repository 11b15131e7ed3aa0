package kol.provider.dialog;

import kol.provider.Cancellable;

/** One call's conversation, with its memory. Turns are taken one at a time. */
public interface DialogSession {

    /** The greeting text for the start of the call (empty when the dialog has none). */
    String greeting();

    /**
     * Answers one caller turn. Reply text streams into {@code listener} (deltas, in order, on any thread), with any
     * actions, then {@code onDone} or {@code onError}; nothing arrives after {@code cancel()} returns.
     */
    Cancellable respond(Turn turn, ReplyListener listener);

    /** The call ended. */
    default void close() {
    }
}
