package kol.provider.dialog;

/**
 * Something a reply asks Kol to do once the words before it have been spoken.
 *
 * @param kind what to do
 * @param target where to hand the call off to (a number or queue name), empty otherwise
 */
public record DialogAction(Kind kind, String target) {
    /** Kinds of action. */
    public enum Kind {
        /** End the call after the reply. */
        HANG_UP,
        /** Pass the call to a person. */
        HAND_OFF
    }

    public static DialogAction hangUp() {
        return new DialogAction(Kind.HANG_UP, "");
    }

    public static DialogAction handOff(String target) {
        return new DialogAction(Kind.HAND_OFF, target == null ? "" : target);
    }
}
