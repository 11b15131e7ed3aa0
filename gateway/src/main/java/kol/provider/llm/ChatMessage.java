package kol.provider.llm;

/**
 * One message of a call's conversation as the model is sent it.
 *
 * @param role who said it
 * @param text what was said, never empty (both providers refuse an empty message)
 */
public record ChatMessage(Role role, String text) {
    /** Who said a message. */
    public enum Role {
        /** The caller, or a note from the phone system about what the caller did. */
        USER,
        /** The model: what was actually delivered to the caller. */
        ASSISTANT
    }

    public ChatMessage {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a chat message needs text");
        }
    }

    /** The role as both APIs spell it. */
    public String roleName() {
        return role == Role.USER ? "user" : "assistant";
    }
}
