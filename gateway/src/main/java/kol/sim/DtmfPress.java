package kol.sim;

/**
 * A key the caller presses, {@code atMs} after the stream started.
 *
 * @param digit one of {@code 0-9 * # A-D}
 * @param atMs milliseconds after {@code start} was sent
 */
public record DtmfPress(char digit, long atMs) {

    public DtmfPress {
        if ("0123456789*#ABCD".indexOf(digit) < 0) {
            throw new IllegalArgumentException("DTMF digit must be one of 0-9 * # A-D, was '" + digit + "'");
        }
        if (atMs < 0) {
            throw new IllegalArgumentException("DTMF time must not be negative, was " + atMs + " ms");
        }
    }

    /** Parses {@code DIGIT@SECONDS}, e.g. {@code 1@5.0} or {@code #@12}. */
    public static DtmfPress parse(String text) {
        int at = text.indexOf('@');
        if (at != 1 || text.length() < 3) {
            throw new IllegalArgumentException("DTMF must be DIGIT@SECONDS, e.g. 1@5.0, was '" + text + "'");
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.substring(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DTMF time must be seconds, e.g. 1@5.0, was '" + text + "'", e);
        }
        return new DtmfPress(Character.toUpperCase(text.charAt(0)), Math.round(seconds * 1000));
    }
}
