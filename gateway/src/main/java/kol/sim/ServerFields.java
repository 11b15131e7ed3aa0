package kol.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kol.base.JsonReader;
import kol.base.JsonReader.Token;
import kol.base.JsonSyntaxException;

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
    private static final byte[][] NAME_BYTES = JsonReader.names(NAMES);
    private static final String[] EVENTS = {"media", "mark", "clear"};
    private static final byte[][] EVENT_BYTES = JsonReader.names(EVENTS);
    private static final byte[][] PAYLOAD = JsonReader.names("payload");
    private static final byte[][] NAME = JsonReader.names("name");

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
     * Reads one JSON object; null when the text is not exactly one (a scalar, an array); throws when it is not JSON.
     * A known event name and a {@code streamSid} equal to {@code expectedStreamSid} are matched in the reader's
     * buffer and kept as the constant strings, so the common message allocates neither.
     */
    static ServerFields read(JsonReader reader, String expectedStreamSid) throws JsonSyntaxException {
        if (reader.next() != Token.START_OBJECT) {
            while (reader.next() != null) {
                reader.skipChildren();
            }
            return null;
        }
        ServerFields fields = new ServerFields();
        while (reader.next() == Token.FIELD_NAME) {
            int name = reader.match(NAME_BYTES);
            String unknownName = name < 0 ? reader.text() : null;
            Token value = reader.next();
            switch (name) {
                case 0 -> {
                    fields.saw(EVENT);
                    int known = value == Token.STRING ? reader.match(EVENT_BYTES) : -1;
                    fields.event = known >= 0 ? EVENTS[known] : value == Token.STRING ? reader.text() : null;
                }
                case 1 -> {
                    fields.saw(STREAM_SID);
                    fields.streamSid = value == Token.STRING ? reader.textSameAs(expectedStreamSid) : null;
                    fields.streamSidShown = value == Token.STRING ? null : shown(reader, value);
                }
                case 2 -> {
                    fields.saw(MEDIA);
                    fields.media = Body.read(reader, value, "payload", PAYLOAD, false);
                }
                case 3 -> {
                    fields.saw(MARK);
                    fields.mark = Body.read(reader, value, "name", NAME, true);
                }
                default -> {
                    if (fields.unknown == null) {
                        fields.unknown = new ArrayList<>(2);
                    }
                    fields.unknown.add(unknownName);
                }
            }
            reader.skipChildren();
        }
        reader.next(); // after the object: null, or a syntax error for trailing content
        return fields;
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

    /** A non-string value in a few characters: a scalar as written, a structure by its brackets. */
    private static String shown(JsonReader reader, Token value) {
        return switch (value) {
            case START_OBJECT -> "{…}";
            case START_ARRAY -> "[…]";
            default -> reader.text();
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

    /**
     * {@code media} or {@code mark}: an object that must hold exactly one field, {@code payload} or {@code name}. A
     * payload is kept as where its raw text lies in the message (decoded in place by the caller); a name as a String.
     */
    static final class Body {
        private final String key;
        private boolean object;
        private int keyCount;
        private boolean string;
        private String text;
        private boolean escaped;
        private int rawStart;
        private int rawLength;
        private List<String> unknown;

        private Body(String key) {
            this.key = key;
        }

        /** Reads the value {@code value} the reader is on; {@code keyBytes} is {@code key} as bytes. */
        static Body read(JsonReader reader, Token value, String key, byte[][] keyBytes, boolean keepText)
                throws JsonSyntaxException {
            Body body = new Body(key);
            if (value != Token.START_OBJECT) {
                return body;
            }
            body.object = true;
            while (reader.next() == Token.FIELD_NAME) {
                boolean isKey = reader.match(keyBytes) == 0;
                String other = isKey ? null : reader.text();
                Token fieldValue = reader.next();
                if (isKey) {
                    body.keyCount++;
                    body.string = fieldValue == Token.STRING;
                    if (body.string) {
                        body.text = keepText ? reader.text() : null;
                        body.escaped = reader.escaped();
                        body.rawStart = reader.textStart();
                        body.rawLength = reader.textLength();
                    }
                } else {
                    if (body.unknown == null) {
                        body.unknown = new ArrayList<>(2);
                    }
                    body.unknown.add(other);
                }
                reader.skipChildren();
            }
            return body;
        }

        /** Whether the field's value is a string. */
        boolean isString() {
            return string;
        }

        /** The field's string value (kept only when asked for); null when it is not a string. */
        String value() {
            return string ? text : null;
        }

        /** Where the string's raw text lies in the message, and whether it has escapes (then it is not the text). */
        boolean escaped() {
            return escaped;
        }

        int rawStart() {
            return rawStart;
        }

        int rawLength() {
            return rawLength;
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
