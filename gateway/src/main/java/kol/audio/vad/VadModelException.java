package kol.audio.vad;

/** A VAD model file that is missing, unreadable or not the model it should be; the message says which. */
public final class VadModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VadModelException(String message) {
        super(message);
    }

    public VadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
