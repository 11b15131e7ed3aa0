package kol.provider.flow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognised speech reduced to the words a keyword is compared with: lower case, without niqqud, cantillation or
 * other accents, and without punctuation, so that what a recogniser writes and what a flow author writes meet halfway.
 *
 * @param tokens the words, in order
 */
record Words(List<String> tokens) {

    Words {
        tokens = List.copyOf(tokens);
    }

    static Words of(String text) {
        return new Words(tokens(text));
    }

    /** The normalised words of {@code text}; none for null or text without letters or digits. */
    static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        // NFD splits letters from their points (also in the precomposed presentation forms, e.g. U+FB2E אַ).
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || isWordInnerQuote(c)) {
                continue;
            }
            out.append(Character.isLetterOrDigit(c) ? c : ' ');
        }
        List<String> words = new ArrayList<>();
        for (String word : out.toString().toLowerCase(Locale.ROOT).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Quotes that sit inside words rather than between them: the apostrophe of "didn't", the geresh of ג'ירפה and the
     * gershayim of an abbreviation such as אחה"צ (often typed as ASCII ' and "). Dropping them joins the word.
     */
    private static boolean isWordInnerQuote(char c) {
        return c == '\'' || c == '"' || c == '\u05F3' || c == '\u05F4' || c == '\u2019' || c == '\u2018'
                || c == '\u201C' || c == '\u201D';
    }
}
