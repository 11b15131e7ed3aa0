package kol.sim;

/** A message from the server, as the simulator (like Twilio) accepts it: media, mark, clear, or invalid. */
sealed interface ServerMessage {

    /**
     * {@code {"event":"media","streamSid":…,"media":{"payload":…}}}, payload decoded into {@code muLaw[0, length)}:
     * the reader's buffer, valid until it reads the next message.
     */
    record Media(byte[] muLaw, int length) implements ServerMessage {
    }

    /** {@code {"event":"mark","streamSid":…,"mark":{"name":…}}}. */
    record Mark(String name) implements ServerMessage {
    }

    /** {@code {"event":"clear","streamSid":…}}. */
    record Clear() implements ServerMessage {
    }

    /** Anything Twilio would reject with warning 31950 or 31951, and why. */
    record Invalid(String reason) implements ServerMessage {
    }
}
