package kol.provider.dialog;

/** Receives one reply as it is produced. Must not block for long. */
public interface ReplyListener {

    /** More reply text (a token, a word, a sentence: whatever the provider produces). */
    void onText(String delta);

    /** An action the reply asks for, in order with the text around it. */
    default void onAction(DialogAction action) {
    }

    /** The reply is complete. */
    void onDone();

    /** The reply failed; the caller should hear a fallback line. */
    void onError(Exception error);
}
