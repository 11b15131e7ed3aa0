package kol.conversation;

import java.util.function.Consumer;

/**
 * Cuts streamed reply text into sentences, so the first sentence can go to text-to-speech while the dialog is still
 * writing the rest. A sentence ends at {@code . ! ? …} (or a Hebrew sof pasuq, or a newline) followed by
 * whitespace; a decimal point or a time like 8.30 does not end one. Not thread-safe.
 */
final class SentenceSplitter {
    private final StringBuilder pending = new StringBuilder();
    private final Consumer<String> sentences;

    SentenceSplitter(Consumer<String> sentences) {
        this.sentences = sentences;
    }

    /** More text from the dialog. */
    void add(String delta) {
        pending.append(delta);
        int start = 0;
        for (int i = 0; i < pending.length() - 1; i++) {
            char c = pending.charAt(i);
            char next = pending.charAt(i + 1);
            boolean terminator = c == '.' || c == '!' || c == '?' || c == '…' || c == '׃' || c == '\n';
            if (terminator && (Character.isWhitespace(next) || c == '\n')) {
                emit(pending.substring(start, i + 1));
                start = i + 1;
            }
        }
        pending.delete(0, start);
    }

    /** The dialog is done: whatever is left is the last sentence. */
    void finish() {
        emit(pending.toString());
        pending.setLength(0);
    }

    /** Drops what is pending (the reply was cancelled). */
    void clear() {
        pending.setLength(0);
    }

    private void emit(String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.accept(trimmed);
        }
    }
}
