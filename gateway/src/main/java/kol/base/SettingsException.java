package kol.base;

/** A setting has a value Kol cannot use; the message names the variable, the value and what is allowed. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
