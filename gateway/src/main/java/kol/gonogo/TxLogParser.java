package kol.gonogo;

/**
 * Finds the TX markers anywhere in a log line, so any prefix (timestamp, level, logger) and JSON logs (the
 * marker inside a {@code "message"} field) read the same. Values end at the first character that cannot be part
 * of an id or number, which also stops them at a JSON string's closing quote.
 *
 * <p>Stateless and thread-safe.
 */
final class TxLogParser {
    private static final String TX = "[TX] ";
    private static final String GREETING_END = "greeting_end";
    private static final String SEND_QUEUE_FULL = "Send queue full";

    private TxLogParser() {
    }

    /** The event in {@code line}, or null when the line carries none (or no call id). */
    static LogEvent parse(String line) {
        int tx = line.indexOf(TX);
        if (tx >= 0) {
            return parseTx(line.substring(tx + TX.length()));
        }
        int full = line.indexOf(SEND_QUEUE_FULL);
        if (full >= 0) {
            String callId = value(line, full, "call");
            return callId == null ? null : new LogEvent.SendQueueFull(callId);
        }
        return null;
    }

    private static LogEvent parseTx(String rest) {
        String callId = value(rest, 0, "call");
        if (callId == null) {
            return null;
        }
        if (rest.startsWith(GREETING_END)) {
            boolean played = rest.startsWith(GREETING_END + " played");
            Long delayMs = played ? number(value(rest, 0, "delay")) : null;
            return new LogEvent.GreetingEnd(callId, played, delayMs);
        }
        Long fps = number(value(rest, 0, "fps"));
        Long q = number(value(rest, 0, "q"));
        Long drops = number(value(rest, 0, "drops"));
        if (fps == null || q == null || drops == null) {
            return null;
        }
        Long busy = number(value(rest, 0, "busy"));
        return new LogEvent.Second(callId, fps.intValue(), q.intValue(), drops, busy == null ? -1 : busy.intValue());
    }

    /**
     * The value of {@code key=} in {@code text} from {@code from}, where the key stands as a word of its own (so
     * {@code q} does not match inside {@code sendq}); null when absent.
     */
    static String value(String text, int from, String key) {
        String needle = key + "=";
        int at = text.indexOf(needle, from);
        while (at >= 0) {
            if (at == 0 || !isWordChar(text.charAt(at - 1))) {
                int start = at + needle.length();
                int end = start;
                while (end < text.length() && isValueChar(text.charAt(end))) {
                    end++;
                }
                return end > start ? text.substring(start, end) : null;
            }
            at = text.indexOf(needle, at + 1);
        }
        return null;
    }

    /** The leading whole number of {@code text} ({@code 812ms} → 812, {@code 0.31ms} → 0), or null. */
    static Long number(String text) {
        if (text == null) {
            return null;
        }
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18) {
            return null;
        }
        return Long.parseLong(text.substring(0, end));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isValueChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == ':' || c == '+';
    }
}
