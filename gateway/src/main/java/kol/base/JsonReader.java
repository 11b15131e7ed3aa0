package kol.base;

import java.nio.charset.StandardCharsets;

/**
 * A strict JSON pull reader over UTF-8 bytes that allocates nothing on the way: one instance is reset for each
 * message and read token by token. Media Streams carry fifty messages a second per call in each direction, and a
 * general-purpose parser made per message (parser, contexts, buffers, a String per name and value) was the largest
 * source of garbage at a thousand calls, which is what sets how often the collector must run.
 *
 * <p>Field names are matched against names given up front ({@link #match}); values are read in place: a string's
 * raw bytes ({@link #buffer()}, {@link #textStart()}, {@link #textLength()}), a counter as a long
 * ({@link #longValue()}, from a JSON integer or a string of digits), and a String only when asked for
 * ({@link #text()}, or {@link #textSameAs} that returns the caller's String when the bytes equal it).
 *
 * <p>Strict (RFC 8259): exactly one value, nothing after it but blanks; no control characters in strings, only the
 * escapes JSON defines; numbers in JSON's grammar; nesting at most {@link #MAX_DEPTH} deep. Errors are
 * {@link JsonSyntaxException}s that say what was found where. Not thread-safe: one owner thread.
 */
public final class JsonReader {
    /** Deeper nesting is refused: no message of Media Streams nests more than three levels. */
    public static final int MAX_DEPTH = 32;

    /** What {@link #next()} found. */
    public enum Token {
        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, NUMBER, TRUE, FALSE, NULL
    }

    private enum State {
        VALUE, FIRST_NAME_OR_END, FIRST_VALUE_OR_END, AFTER_NAME, COMMA_OR_END, DONE
    }

    private final boolean[] inObject = new boolean[MAX_DEPTH];
    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    private int depth;
    private State state = State.DONE;
    private Token token;
    /** The current string or name (between its quotes) or number. */
    private int tokenStart;
    private int tokenEnd;
    private boolean escaped;
    private boolean integral;

    /** Starts reading the UTF-8 text {@code utf8[offset, offset + length)}. */
    public JsonReader reset(byte[] utf8, int offset, int length) {
        buf = utf8;
        pos = offset;
        end = offset + length;
        depth = 0;
        state = State.VALUE;
        token = null;
        return this;
    }

    /** The next token; null once the one top-level value has been read and nothing but blanks follows. */
    public Token next() throws JsonSyntaxException {
        skipBlanks();
        switch (state) {
            case DONE -> {
                if (pos < end) {
                    throw error("trailing content after the JSON value");
                }
                token = null;
                return null;
            }
            case AFTER_NAME -> {
                if (pos >= end || buf[pos] != ':') {
                    throw error("expected ':' after a field name");
                }
                pos++;
                return value();
            }
            case FIRST_NAME_OR_END -> {
                if (pos < end && buf[pos] == '}') {
                    pos++;
                    return close(Token.END_OBJECT);
                }
                return name();
            }
            case FIRST_VALUE_OR_END -> {
                if (pos < end && buf[pos] == ']') {
                    pos++;
                    return close(Token.END_ARRAY);
                }
                return value();
            }
            case COMMA_OR_END -> {
                boolean object = inObject[depth - 1];
                if (pos >= end) {
                    throw error("unexpected end of input");
                }
                byte c = buf[pos++];
                if (c == ',') {
                    return object ? name() : value();
                }
                if (object && c == '}') {
                    return close(Token.END_OBJECT);
                }
                if (!object && c == ']') {
                    return close(Token.END_ARRAY);
                }
                pos--;
                throw error(object ? "expected ',' or '}'" : "expected ',' or ']'");
            }
            default -> {
                return value();
            }
        }
    }

    /**
     * Skips what the current token opens: after {@code START_OBJECT} or {@code START_ARRAY}, everything up to and
     * including its end; after any other token, nothing.
     */
    public void skipChildren() throws JsonSyntaxException {
        if (token != Token.START_OBJECT && token != Token.START_ARRAY) {
            return;
        }
        int open = 1;
        while (open > 0) {
            Token t = next();
            if (t == Token.START_OBJECT || t == Token.START_ARRAY) {
                open++;
            } else if (t == Token.END_OBJECT || t == Token.END_ARRAY) {
                open--;
            }
        }
    }

    /** The UTF-8 bytes of field names, for {@link #match}: made once, outside any hot path. */
    public static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** Which of {@code names} the current field name (or string) is; -1 when none. */
    public int match(byte[][] names) {
        if (escaped) {
            String text = text();
            for (int i = 0; i < names.length; i++) {
                if (text.equals(new String(names[i], StandardCharsets.UTF_8))) {
                    return i;
                }
            }
            return -1;
        }
        int length = tokenEnd - tokenStart;
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i];
            if (name.length == length && regionEquals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The current string, name or number as a String (escapes decoded). */
    public String text() {
        if (!escaped) {
            return new String(buf, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
        }
        return unescape();
    }

    /** {@code known} when the current string equals it (no new String made), else {@link #text()}. */
    public String textSameAs(String known) {
        if (known != null && !escaped && known.length() == tokenEnd - tokenStart) {
            boolean same = true;
            for (int i = 0; i < known.length() && same; i++) {
                same = known.charAt(i) == buf[tokenStart + i];
            }
            if (same) {
                return known;
            }
        }
        return text();
    }

    /** True when the current string has escapes, so its raw bytes are not its text. */
    public boolean escaped() {
        return escaped;
    }

    /** The bytes being read; the current string's raw text is {@code [textStart(), textStart() + textLength())}. */
    public byte[] buffer() {
        return buf;
    }

    public int textStart() {
        return tokenStart;
    }

    public int textLength() {
        return tokenEnd - tokenStart;
    }

    /**
     * The current integer, or string of decimal digits (blanks around it and a sign allowed), as a long; throws
     * {@link NumberFormatException} when it is neither, or has more than 18 digits.
     */
    public long longValue() {
        int from = tokenStart;
        int to = tokenEnd;
        if (token == Token.NUMBER && !integral || token != Token.NUMBER && (token != Token.STRING || escaped)) {
            throw new NumberFormatException("not an integer");
        }
        while (from < to && isBlank(buf[from])) {
            from++;
        }
        while (to > from && isBlank(buf[to - 1])) {
            to--;
        }
        boolean negative = from < to && buf[from] == '-';
        int first = negative || from < to && buf[from] == '+' ? from + 1 : from;
        if (first == to || to - first > 18) {
            throw new NumberFormatException("not an integer of at most 18 digits");
        }
        long value = 0;
        for (int i = first; i < to; i++) {
            byte c = buf[i];
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not an integer");
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private Token value() throws JsonSyntaxException {
        skipBlanks();
        if (pos >= end) {
            throw error("unexpected end of input");
        }
        byte c = buf[pos];
        switch (c) {
            case '{' -> {
                pos++;
                push(true);
                state = State.FIRST_NAME_OR_END;
                return token = Token.START_OBJECT;
            }
            case '[' -> {
                pos++;
                push(false);
                state = State.FIRST_VALUE_OR_END;
                return token = Token.START_ARRAY;
            }
            case '"' -> {
                string();
                return scalar(Token.STRING);
            }
            case 't' -> {
                literal("true");
                return scalar(Token.TRUE);
            }
            case 'f' -> {
                literal("false");
                return scalar(Token.FALSE);
            }
            case 'n' -> {
                literal("null");
                return scalar(Token.NULL);
            }
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                    return scalar(Token.NUMBER);
                }
                throw error("unexpected character " + shown(c));
            }
        }
    }

    private Token name() throws JsonSyntaxException {
        skipBlanks();
        if (pos >= end || buf[pos] != '"') {
            throw error(pos >= end ? "unexpected end of input" : "expected a field name in double quotes");
        }
        string();
        state = State.AFTER_NAME;
        return token = Token.FIELD_NAME;
    }

    private Token scalar(Token found) {
        state = depth == 0 ? State.DONE : State.COMMA_OR_END;
        return token = found;
    }

    private Token close(Token found) {
        depth--;
        return scalar(found);
    }

    private void push(boolean object) throws JsonSyntaxException {
        if (depth == MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        inObject[depth++] = object;
    }

    /** Reads a string from its opening quote at {@code pos}; leaves {@code pos} after the closing one. */
    private void string() throws JsonSyntaxException {
        int i = pos + 1;
        tokenStart = i;
        escaped = false;
        while (true) {
            if (i >= end) {
                pos = i;
                throw error("unterminated string");
            }
            byte c = buf[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                if (i + 1 >= end) {
                    pos = i;
                    throw error("unterminated string");
                }
                byte e = buf[i + 1];
                if (e == 'u') {
                    if (i + 6 > end || hex(buf[i + 2]) < 0 || hex(buf[i + 3]) < 0 || hex(buf[i + 4]) < 0
                            || hex(buf[i + 5]) < 0) {
                        pos = i;
                        throw error("bad \\u escape");
                    }
                    i += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    pos = i;
                    throw error("bad escape \\" + shown(e));
                }
                i += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                pos = i;
                throw error("control character " + shown(c) + " in a string");
            }
            i++;
        }
        tokenEnd = i;
        pos = i + 1;
    }

    private void number() throws JsonSyntaxException {
        int i = pos;
        tokenStart = i;
        escaped = false;
        integral = true;
        if (buf[i] == '-') {
            i++;
        }
        if (i < end && buf[i] == '0') {
            i++;
        } else if (i < end && buf[i] >= '1' && buf[i] <= '9') {
            while (i < end && isDigit(buf[i])) {
                i++;
            }
        } else {
            pos = i;
            throw error("bad number");
        }
        if (i < end && buf[i] == '.') {
            integral = false;
            i = digits(i + 1, "after '.'");
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            i = digits(i, "in the exponent");
        }
        tokenEnd = i;
        pos = i;
    }

    /** Skips the run of digits from {@code i}, which must hold at least one; returns where it ends. */
    private int digits(int i, String where) throws JsonSyntaxException {
        int from = i;
        while (i < end && isDigit(buf[i])) {
            i++;
        }
        if (i == from) {
            pos = i;
            throw error("bad number: no digit " + where);
        }
        return i;
    }

    private void literal(String word) throws JsonSyntaxException {
        for (int k = 0; k < word.length(); k++) {
            if (pos + k >= end || buf[pos + k] != word.charAt(k)) {
                throw error("unexpected character " + shown(buf[pos]));
            }
        }
        tokenStart = pos;
        tokenEnd = pos + word.length();
        escaped = false;
        pos += word.length();
    }

    private String unescape() {
        StringBuilder text = new StringBuilder(tokenEnd - tokenStart);
        int run = tokenStart;
        int i = tokenStart;
        while (i < tokenEnd) {
            if (buf[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
            byte e = buf[i + 1];
            switch (e) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) (hex(buf[i + 2]) << 12 | hex(buf[i + 3]) << 8 | hex(buf[i + 4]) << 4
                            | hex(buf[i + 5])));
                    i += 4;
                }
                default -> text.append((char) e);
            }
            i += 2;
            run = i;
        }
        text.append(new String(buf, run, tokenEnd - run, StandardCharsets.UTF_8));
        return text.toString();
    }

    private boolean regionEquals(byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (buf[tokenStart + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private void skipBlanks() {
        while (pos < end && isBlank(buf[pos])) {
            pos++;
        }
    }

    private JsonSyntaxException error(String what) {
        return new JsonSyntaxException(what + " at byte " + pos);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String shown(byte c) {
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("0x%02x", c & 0xff);
    }
}
