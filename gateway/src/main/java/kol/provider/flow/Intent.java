package kol.provider.flow;

import java.util.List;

/**
 * What a caller may want at a point of the flow, how they say it (keywords) or key it (digits), and what follows.
 *
 * @param keywords words or phrases that select it in recognised speech
 * @param digits the keys that select it, each one character of 0-9, *, #, A-D
 * @param reply what to say
 * @param next the node to move to (its prompt follows the reply), or null to stay
 * @param action what to do after the reply
 * @param target where to hand the call off to (HAND_OFF), empty otherwise
 */
record Intent(List<Keyword> keywords, String digits, Speech reply, String next, Action action, String target) {

    /** What an intent does besides speaking. */
    enum Action {
        NONE("none"),
        HANG_UP("hang_up"),
        HAND_OFF("hand_off"),
        /** Say again the last reply of the call; handled inside the flow. */
        REPEAT("repeat");

        private final String yamlName;

        Action(String yamlName) {
            this.yamlName = yamlName;
        }

        /** The name a flow file uses. */
        String yamlName() {
            return yamlName;
        }
    }

    Intent {
        keywords = List.copyOf(keywords);
    }

    boolean answers(char digit) {
        return digits.indexOf(digit) >= 0;
    }

    /** The number of words of the longest keyword found in {@code words}; 0 when none is. */
    int longestMatch(Words words) {
        int longest = 0;
        for (Keyword keyword : keywords) {
            if (keyword.tokens().size() > longest && keyword.foundIn(words)) {
                longest = keyword.tokens().size();
            }
        }
        return longest;
    }
}
