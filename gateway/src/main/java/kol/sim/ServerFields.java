package kol.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one server message as a single streaming pass found them: which of the four documented top-level
 * fields came (a bit each) and how often, the string values that matter, the two bodies, and any other field's name.
 * Reading keeps no value it will not judge, so a valid message costs a parser and a few strings.
 *
 * <p>The problems are worded as before this class existed, so reports and tests read the same: extra fields first,
 * then missing ones, each sorted by name. One thread at a time (made and dropped inside one parse).
 */
final class ServerFields {
    static final int EVENT = 1;
    static final int STREAM_SID = 2;
    static final int MEDIA = 4;
    static final int MARK = 8;
    private static final String[] NAMES = {"event", "streamSid", "media", "mark"};
    private static final String[] EVENTS = {"media", "mark", "clear"};

    private int seen;
    private int duplicates;
    private List<String> unknown;
    private String event;
    private String streamSid;
    /** How a streamSid that is not a string reads, for the complaint; null when it is one. */
    private String streamSidShown;
    private Body media;
    private Body mark;

    private ServerFields() {
    }

    /**
     * Reads one JSON object; null when the text is not exactly one (a scalar, an array, trailing tokens). A known
     * event name and a {@code streamSid} equal to {@code expectedStreamSid} are matched in the parser's own buffer
     * and kept as the constant strings, so the common message allocates neither.
     */
    static ServerFields read(JsonParser parser, String expectedStreamSid) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ServerFields fields = new ServerFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "event" -> {
                    fields.saw(EVENT);
                    fields.event = value == JsonToken.VALUE_STRING ? oneOf(parser, EVENTS) : null;
                }
                case "streamSid" -> {
                    fields.saw(STREAM_SID);
                    fields.streamSid = value == JsonToken.VALUE_STRING ? same(parser, expectedStreamSid) : null;
                    fields.streamSidShown = value == JsonToken.VALUE_STRING ? null : shown(parser, value);
                }
                case "media" -> {
                    fields.saw(MEDIA);
                    fields.media = Body.read(parser, "payload");
                }
                case "mark" -> {
                    fields.saw(MARK);
                    fields.mark = Body.read(parser, "name");
                }
                default -> {
                    if (fields.unknown == null) {
                        fields.unknown = new ArrayList<>(2);
                    }
                    fields.unknown.add(name);
                }
            }
            parser.skipChildren();
        }
        return parser.nextToken() == null ? fields : null;
    }

    boolean has(int field) {
        return (seen & field) != 0;
    }

    /** The event's name; null when it is not a string. */
    String event() {
        return event;
    }

    Body media() {
        return media;
    }

    Body mark() {
        return mark;
    }

    /** What is wrong with the top level for {@code event}: fields other than {@code expected}, or another stream. */
    String problem(String event, int expected, String streamSid) {
        if (seen == expected && unknown == null && duplicates == 0 && streamSid.equals(this.streamSid)) {
            return null;
        }
        List<String> extra = unknown == null ? new ArrayList<>() : new ArrayList<>(unknown);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            int field = 1 << i;
            if (has(field) && (expected & field) == 0) {
                extra.add(NAMES[i]);
            } else if (!has(field) && (expected & field) != 0) {
                missing.add(NAMES[i]);
            }
        }
        String shape = shape(event, extra, missing);
        if (shape != null) {
            return shape;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if ((duplicates & 1 << i) != 0) {
                return event + ": duplicate field \"" + NAMES[i] + "\"";
            }
        }
        if (!streamSid.equals(this.streamSid)) {
            return event + ": streamSid " + (this.streamSid != null ? "\"" + this.streamSid + "\"" : streamSidShown)
                    + " is not this stream's (" + streamSid + ")";
        }
        return null;
    }

    private void saw(int field) {
        duplicates |= seen & field;
        seen |= field;
    }

    /** The string value the parser is on: the one of {@code known} it equals, else a new string. */
    private static String oneOf(JsonParser parser, String[] known) throws IOException {
        for (String candidate : known) {
            if (isText(parser, candidate)) {
                return candidate;
            }
        }
        return parser.getText();
    }

    /** The string value the parser is on: {@code expected} when it equals it, else a new string. */
    private static String same(JsonParser parser, String expected) throws IOException {
        return isText(parser, expected) ? expected : parser.getText();
    }

    private static boolean isText(JsonParser parser, String candidate) throws IOException {
        int length = parser.getTextLength();
        if (candidate.length() != length) {
            return false;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A non-string value in a few characters: a scalar as written, a structure by its brackets. */
    private static String shown(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case START_OBJECT -> "{…}";
            case START_ARRAY -> "[…]";
            default -> parser.getText();
        };
    }

    /** Extra fields first, then missing ones; null when there are neither. */
    private static String shape(String where, List<String> extra, List<String> missing) {
        if (!extra.isEmpty()) {
            return where + ": extra field" + (extra.size() > 1 ? "s " : " ") + quoted(new TreeSet<>(extra));
        }
        if (!missing.isEmpty()) {
            return where + ": missing field" + (missing.size() > 1 ? "s " : " ") + quoted(new TreeSet<>(missing));
        }
        return null;
    }

    private static String quoted(Set<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.length() == 0 ? "" : ", ").append('"').append(name).append('"');
        }
        return out.toString();
    }

    /** {@code media} or {@code mark}: an object that must hold exactly one field, {@code payload} or {@code name}. */
    static final class Body {
        private final String key;
        private boolean object;
        private int keyCount;
        private String value;
        private List<String> unknown;

        private Body(String key) {
            this.key = key;
        }

        /** Reads the value the parser is on; leaves the parser on its last token. */
        static Body read(JsonParser parser, String key) throws IOException {
            Body body = new Body(key);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return body;
            }
            body.object = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(key)) {
                    body.keyCount++;
                    body.value = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                } else {
                    if (body.unknown == null) {
                        body.unknown = new ArrayList<>(2);
                    }
                    body.unknown.add(name);
                }
                parser.skipChildren();
            }
            return body;
        }

        /** The field's string value; null when it is not a string. */
        String value() {
            return value;
        }

        /** What is wrong with the body of {@code event}'s {@code field}; null when it is exactly right. */
        String problem(String event, String field) {
            if (!object) {
                return event + ": \"" + field + "\" is not an object";
            }
            String where = event + "." + field;
            String shape = shape(where, unknown == null ? List.of() : unknown,
                    keyCount == 0 ? List.of(key) : List.of());
            if (shape != null) {
                return shape;
            }
            return keyCount > 1 ? where + ": duplicate field \"" + key + "\"" : null;
        }
    }
}
