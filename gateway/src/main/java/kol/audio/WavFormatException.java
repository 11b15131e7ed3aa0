package kol.audio;

import java.io.IOException;

/** A WAV file this package cannot read: the message says what was found and what is supported. */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WavFormatException(String message) {
        super(message);
    }
}
