package kol.provider.google;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into the pieces Google is sent: one sentence each, none over {@link #MAX_INPUT_BYTES}.
 *
 * <p>Sentences because the first sentence's audio then comes back without waiting for the rest to be synthesised.
 * The limit is in UTF-8 bytes, not characters: a Hebrew letter takes two, so 5000 bytes is about 2500 letters. A
 * sentence over the limit is cut at the last space that fits, and a single "word" longer than that (no spaces at
 * all) at the last whole code point.
 */
final class GoogleTtsText {

    /** "The input size is limited to 5000 bytes" ({@code SynthesisInput}, cloud_tts.proto). */
    static final int MAX_INPUT_BYTES = 5000;

    private GoogleTtsText() {
    }

    /** The pieces of {@code text} in order, each non-blank and at most {@code maxBytes} of UTF-8. */
    static List<String> pieces(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : sentences(text)) {
            cut(sentence, maxBytes, pieces);
        }
        return pieces;
    }

    /** Sentences end at . ! ? … or a line break followed by white space; the mark stays with its sentence. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || (isSentenceMark(c) && (i + 1 == text.length()
                    || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(text.substring(start, i + 1), sentences);
                start = i + 1;
            }
        }
        add(text.substring(start), sentences);
        return sentences;
    }

    private static boolean isSentenceMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static void add(String sentence, List<String> into) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            into.add(stripped);
        }
    }

    private static void cut(String sentence, int maxBytes, List<String> into) {
        String rest = sentence;
        while (utf8Bytes(rest) > maxBytes) {
            // At least one code point per piece, so a limit below one code point cannot loop forever.
            int fits = Math.max(longestPrefixWithin(rest, maxBytes), Character.charCount(rest.codePointAt(0)));
            int space = rest.lastIndexOf(' ', fits);
            int end = space > 0 ? space : fits;
            add(rest.substring(0, end), into);
            rest = rest.substring(end).strip();
        }
        add(rest, into);
    }

    /** The length in chars of the longest prefix of whole code points that is at most {@code maxBytes} in UTF-8. */
    private static int longestPrefixWithin(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return i;
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
