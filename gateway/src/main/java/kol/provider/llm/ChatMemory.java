package kol.provider.llm;

import java.util.ArrayList;
import java.util.List;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.Turn;

/**
 * One call's conversation: user and assistant messages, strictly alternating and starting with a user message
 * (Anthropic refuses anything else, and OpenAI-compatible servers read it best that way). The system prompt is not
 * here: each adapter places it where its API wants it.
 *
 * <p>What the caller did that is not words becomes a note in square brackets, and so does a reply that was cut
 * short; the built-in prompts tell the model these notes come from the phone system and are never to be spoken.
 *
 * <p>Thread-safe: the session appends the caller's turn, and the reply stream (on an HTTP thread) the answer.
 */
public final class ChatMemory {
    static final String CALL_CONNECTED = "[the call connected]";
    static final String UNRECOGNISED = "[the caller said something that could not be understood]";
    static final String NO_REPLY = "[no reply]";

    private final int historyTurns;
    private final List<ChatMessage> messages = new ArrayList<>();

    /** Keeps the last {@code historyTurns} caller turns, each with its reply, and drops older ones. */
    public ChatMemory(int historyTurns) {
        if (historyTurns < 1) {
            throw new IllegalArgumentException("historyTurns must be at least 1");
        }
        this.historyTurns = historyTurns;
    }

    /** The words a caller's turn becomes. */
    public static String userText(Turn turn) {
        switch (turn.kind()) {
            case DTMF:
                return "[the caller pressed " + turn.digit() + "]";
            case SPEECH:
                return turn.text() == null || turn.text().isBlank() ? UNRECOGNISED : turn.text().strip();
            default:
                return UNRECOGNISED;
        }
    }

    /** What is remembered of a reply the caller cut off after {@code delivered}. */
    public static String interrupted(String delivered) {
        return delivered.isBlank() ? "[the caller interrupted before the reply began]"
                : delivered + " [the caller interrupted here]";
    }

    /** What is remembered of a reply that failed after {@code delivered} (the caller heard a fallback line). */
    public static String failed(String delivered) {
        return delivered.isBlank() ? "[no reply: a technical fault; the caller heard an apology]"
                : delivered + " [cut off by a technical fault; the caller heard an apology]";
    }

    /** What is remembered of an action the reply asked for. */
    public static String note(DialogAction action) {
        return action.kind() == DialogAction.Kind.HANG_UP ? "[" + DialogTools.HANG_UP + "]"
                : "[" + DialogTools.HAND_OFF + ": " + action.target() + "]";
    }

    /** The call opened with {@code greeting}: the model is told it has already said it. */
    public synchronized void greeted(String greeting) {
        if (messages.isEmpty() && !greeting.isBlank()) {
            messages.add(new ChatMessage(ChatMessage.Role.USER, CALL_CONNECTED));
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, greeting));
        }
    }

    /** Adds the caller's turn and returns the messages to send for it, oldest first. */
    public synchronized List<ChatMessage> ask(String userText) {
        if (lastIs(ChatMessage.Role.USER)) {
            // A turn whose reply was never recorded; a placeholder keeps the alternation the APIs insist on.
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, NO_REPLY));
        }
        messages.add(new ChatMessage(ChatMessage.Role.USER, userText));
        int keep = historyTurns * 2 + 1;
        if (messages.size() > keep) {
            messages.subList(0, messages.size() - keep).clear();
        }
        return List.copyOf(messages);
    }

    /** Records the reply to the last turn: what was delivered, with any note on how it ended. */
    public synchronized void answered(String assistantText) {
        if (lastIs(ChatMessage.Role.USER)) {
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, assistantText.isBlank() ? NO_REPLY
                    : assistantText));
        }
    }

    /** Everything remembered, oldest first. */
    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    private boolean lastIs(ChatMessage.Role role) {
        return !messages.isEmpty() && messages.get(messages.size() - 1).role() == role;
    }
}
