package kol.provider.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Words the flow says, split into sentences once when the flow is loaded, so a reply can be handed to the speaking
 * pipeline a sentence at a time and speech starts on the first one.
 *
 * @param sentences the sentences in order, each trimmed
 */
record Speech(List<String> sentences) {

    static final Speech NONE = new Speech(List.of());

    // A sentence ends at . ! ? or … followed by a space: "8.30" and "8:00" stay whole.
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    Speech {
        sentences = List.copyOf(sentences);
    }

    /** The sentences of {@code text}; runs of whitespace (the line breaks of a folded YAML block) become one space. */
    static Speech of(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String flat = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        return new Speech(List.of(SENTENCE_END.split(flat)));
    }

    /** This, then {@code next}. */
    Speech then(Speech next) {
        if (next.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return next;
        }
        List<String> joined = new ArrayList<>(sentences);
        joined.addAll(next.sentences);
        return new Speech(joined);
    }

    boolean isEmpty() {
        return sentences.isEmpty();
    }

    /** The whole text, sentences separated by one space. */
    String text() {
        return String.join(" ", sentences);
    }
}
