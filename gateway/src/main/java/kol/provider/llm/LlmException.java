package kol.provider.llm;

/** A reply from a language model that failed: an HTTP status, an error inside the stream, a time-out, a break. */
public final class LlmException extends Exception {
    private final int status;

    /** A failure with no HTTP status (a time-out, a broken stream, an error event after HTTP 200). */
    public LlmException(String message) {
        this(message, 0);
    }

    /** A failure the server answered with {@code status}. */
    public LlmException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the server answered with, or 0 when the failure came later or without one. */
    public int status() {
        return status;
    }
}
