package kol.provider.google;

/**
 * Recognition has been down for {@code STT_OUTAGE_FALLBACK_MS} of caller audio and is still retrying: reported once
 * per outage through {@code onError(e, true)}, so the conversation can tell the caller (a short fallback line).
 */
public final class SpeechOutageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long downForMs;

    SpeechOutageException(long downForMs, String cause) {
        super("Speech recognition has been down for " + downForMs + " ms of caller audio (STT_OUTAGE_FALLBACK_MS); "
                + "still retrying. Last failure: " + cause);
        this.downForMs = downForMs;
    }

    public long downForMs() {
        return downForMs;
    }
}
