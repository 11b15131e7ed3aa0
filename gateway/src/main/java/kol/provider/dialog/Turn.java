package kol.provider.dialog;

/**
 * What the caller did in one turn.
 *
 * @param kind speech that was recognised, speech that was not, or a key press
 * @param text the recognised words (SPEECH), empty otherwise
 * @param digit the key (DTMF), 0 otherwise
 */
public record Turn(Kind kind, String text, char digit) {
    /** Kinds of caller turn. */
    public enum Kind {
        /** Words the recogniser understood. */
        SPEECH,
        /** The caller spoke, but no words were recognised (no recogniser, or nothing understood). */
        UNRECOGNISED_SPEECH,
        /** The caller pressed a key. */
        DTMF
    }

    public static Turn speech(String text) {
        return new Turn(Kind.SPEECH, text, (char) 0);
    }

    public static Turn unrecognised() {
        return new Turn(Kind.UNRECOGNISED_SPEECH, "", (char) 0);
    }

    public static Turn dtmf(char digit) {
        return new Turn(Kind.DTMF, "", digit);
    }
}
