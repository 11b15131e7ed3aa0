package kol.provider.flow;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A word or phrase that selects an intent when it appears, as whole words, in recognised speech.
 *
 * <p>Hebrew writes its one-letter words (and, the, in, to, from, that, as) as prefixes, so a Hebrew keyword word of
 * three letters or more also matches behind them: "תור" matches "לתור", "והתור" and "כשהתור". Shorter words match
 * only whole, because a prefix in front of one is usually another word ("כן" is not "לכן", therefore).
 *
 * @param written the keyword as the flow spells it, for messages
 * @param tokens its normalised words (see {@link Words})
 */
record Keyword(String written, List<String> tokens) {

    // Prefixes in the order Hebrew stacks them: ו, then ש or כש, then one of ה ב ל מ כ (or מה, "from the").
    private static final Pattern HEBREW_PREFIXES = Pattern.compile("ו?(?:כש|ש)?(?:מה|[הבלמכ])?");
    private static final int MIN_LETTERS_FOR_PREFIXES = 3;

    Keyword {
        tokens = List.copyOf(tokens);
    }

    static Keyword of(String written) {
        return new Keyword(written, Words.tokens(written));
    }

    boolean foundIn(Words words) {
        List<String> heard = words.tokens();
        for (int start = 0; start + tokens.size() <= heard.size(); start++) {
            if (matchesAt(heard, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(List<String> heard, int start) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!wordMatches(heard.get(start + i), tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String heard, String keyword) {
        if (heard.equals(keyword)) {
            return true;
        }
        return keyword.length() >= MIN_LETTERS_FOR_PREFIXES && isHebrewLetter(keyword.charAt(0))
                && heard.endsWith(keyword)
                && HEBREW_PREFIXES.matcher(heard.substring(0, heard.length() - keyword.length())).matches();
    }

    private static boolean isHebrewLetter(char c) {
        return c >= 'א' && c <= 'ת';
    }
}
