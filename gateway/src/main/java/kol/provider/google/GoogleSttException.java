package kol.provider.google;

/** A Google Speech-to-Text failure as the listener hears it: the gRPC status and what to do about it. */
public final class GoogleSttException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    GoogleSttException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The gRPC status code name (e.g. {@code UNAVAILABLE}), or {@code STALLED} for a stream that went silent. */
    public String code() {
        return code;
    }
}
