package kol.carrier.twilio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Twilio Media Streams JSON, both ways, and nothing else: no I/O, no state beyond reused buffers.
 *
 * <p>Inbound messages are read with Jackson's streaming parser into a reused {@link TwilioInbound} (fields may come
 * in any order). {@code sequenceNumber}, {@code chunk} and {@code timestamp} are strings in Twilio's documentation;
 * numbers are accepted too, since some peers send them. Outbound messages carry exactly the documented fields
 * ({@code event}, {@code streamSid}, and {@code media.payload} or {@code mark.name}): Twilio rejects anything extra
 * with warning 31951.
 */
public final class TwilioCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TwilioCodec() {
    }

    /** Parses {@code text} into {@code into}; throws with a reason when it is not a usable Media Streams message. */
    public static void parse(String text, TwilioInbound into) throws TwilioProtocolException {
        into.reset();
        try (JsonParser parser = JSON.createParser(text)) {
            read(parser, into);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Parses the UTF-8 text {@code utf8[offset, offset + length)} into {@code into}, straight from the WebSocket
     * frame's bytes: no {@link String} of the whole message is made. Throws as {@link #parse(String, TwilioInbound)}.
     */
    public static void parse(byte[] utf8, int offset, int length, TwilioInbound into) throws TwilioProtocolException {
        into.reset();
        try (JsonParser parser = JSON.createParser(utf8, offset, length)) {
            read(parser, into);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static TwilioProtocolException unreadable(IOException e) {
        return e instanceof JsonParseException invalid
                ? new TwilioProtocolException("invalid JSON: " + invalid.getOriginalMessage())
                : new TwilioProtocolException("unreadable message: " + e.getMessage());
    }

    private static void read(JsonParser parser, TwilioInbound into) throws IOException, TwilioProtocolException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new TwilioProtocolException("not a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "event" -> into.eventName = text(parser, value, field);
                case "streamSid" -> into.streamSid = text(parser, value, field);
                case "sequenceNumber" -> into.sequenceNumber = number(parser, value, field);
                case "start" -> readStart(parser, value, into);
                case "media" -> readMedia(parser, value, into);
                case "dtmf" -> readDtmf(parser, value, into);
                case "mark" -> readMark(parser, value, into);
                default -> parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw new TwilioProtocolException("trailing content after the JSON object");
        }
        if (into.eventName == null) {
            throw new TwilioProtocolException("no \"event\" field");
        }
        into.event = eventOf(into.eventName);
        validate(into);
    }

    private static TwilioInbound.Event eventOf(String name) {
        switch (name) {
            case "connected":
                return TwilioInbound.Event.CONNECTED;
            case "start":
                return TwilioInbound.Event.START;
            case "media":
                return TwilioInbound.Event.MEDIA;
            case "dtmf":
                return TwilioInbound.Event.DTMF;
            case "mark":
                return TwilioInbound.Event.MARK;
            case "stop":
                return TwilioInbound.Event.STOP;
            default:
                return TwilioInbound.Event.UNKNOWN;
        }
    }

    private static void validate(TwilioInbound in) throws TwilioProtocolException {
        switch (in.event) {
            case START -> {
                if (in.callSid == null || in.startStreamSid == null && in.streamSid == null) {
                    throw new TwilioProtocolException("start without start.callSid or streamSid");
                }
                if (!in.hasMediaFormat) {
                    throw new TwilioProtocolException("start without start.mediaFormat");
                }
            }
            case MEDIA -> {
                if (in.payloadLength < 0) {
                    throw new TwilioProtocolException("media without media.payload");
                }
            }
            case DTMF -> {
                if (in.digit == null || in.digit.length() != 1) {
                    throw new TwilioProtocolException("dtmf without a one-character dtmf.digit");
                }
            }
            case MARK -> {
                if (in.markName == null) {
                    throw new TwilioProtocolException("mark without mark.name");
                }
            }
            default -> {
            }
        }
    }

    private static void readStart(JsonParser p, JsonToken value, TwilioInbound in) throws IOException,
            TwilioProtocolException {
        expectObject(value, "start");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "accountSid" -> in.accountSid = text(p, v, "start.accountSid");
                case "callSid" -> in.callSid = text(p, v, "start.callSid");
                case "streamSid" -> in.startStreamSid = text(p, v, "start.streamSid");
                case "tracks" -> {
                    if (v != JsonToken.START_ARRAY) {
                        throw new TwilioProtocolException("start.tracks is not an array");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        in.tracks.add(text(p, p.currentToken(), "start.tracks[]"));
                    }
                }
                case "customParameters" -> {
                    expectObject(v, "start.customParameters");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken pv = p.nextToken();
                        if (pv.isScalarValue()) {
                            in.customParameters.put(name, p.getValueAsString());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "mediaFormat" -> {
                    expectObject(v, "start.mediaFormat");
                    in.hasMediaFormat = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken fv = p.nextToken();
                        switch (name) {
                            case "encoding" -> in.encoding = text(p, fv, "start.mediaFormat.encoding");
                            case "sampleRate" -> in.sampleRateHz = (int) number(p, fv, "start.mediaFormat.sampleRate");
                            case "channels" -> in.channels = (int) number(p, fv, "start.mediaFormat.channels");
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readMedia(JsonParser p, JsonToken value, TwilioInbound in) throws IOException,
            TwilioProtocolException {
        expectObject(value, "media");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "track" -> in.track = text(p, v, "media.track");
                case "chunk" -> in.chunk = number(p, v, "media.chunk");
                case "timestamp" -> in.timestampMs = number(p, v, "media.timestamp");
                case "payload" -> {
                    if (v != JsonToken.VALUE_STRING) {
                        throw new TwilioProtocolException("media.payload is not a string");
                    }
                    int length = p.getTextLength();
                    int max = Base64Chars.maxDecodedBytes(length);
                    if (in.payload.length < max) {
                        in.payload = new byte[Math.max(max, in.payload.length * 2)];
                    }
                    int decoded = Base64Chars.decode(p.getTextCharacters(), p.getTextOffset(), length, in.payload);
                    if (decoded < 0) {
                        throw new TwilioProtocolException("media.payload is not valid base64 (" + length + " chars)");
                    }
                    in.payloadLength = decoded;
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readDtmf(JsonParser p, JsonToken value, TwilioInbound in) throws IOException,
            TwilioProtocolException {
        expectObject(value, "dtmf");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("digit")) {
                in.digit = text(p, v, "dtmf.digit");
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readMark(JsonParser p, JsonToken value, TwilioInbound in) throws IOException,
            TwilioProtocolException {
        expectObject(value, "mark");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("name")) {
                in.markName = text(p, v, "mark.name");
            } else {
                p.skipChildren();
            }
        }
    }

    private static void expectObject(JsonToken token, String field) throws TwilioProtocolException {
        if (token != JsonToken.START_OBJECT) {
            throw new TwilioProtocolException(field + " is not an object");
        }
    }

    private static String text(JsonParser p, JsonToken token, String field) throws IOException,
            TwilioProtocolException {
        if (token != JsonToken.VALUE_STRING) {
            throw new TwilioProtocolException(field + " is not a string");
        }
        return p.getText();
    }

    /** A counter or size: a JSON number, or (as Twilio sends them) a string of digits. */
    private static long number(JsonParser p, JsonToken token, String field) throws IOException,
            TwilioProtocolException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return digits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), field);
        }
        throw new TwilioProtocolException(field + " is not a number");
    }

    /**
     * A string of decimal digits (blanks around it allowed) as a long, read in place: three of them come with every
     * media message, and {@link Long#parseLong} would need a String of each.
     */
    private static long digits(char[] chars, int offset, int length, String field) throws TwilioProtocolException {
        int from = offset;
        int to = offset + length;
        while (from < to && Character.isWhitespace(chars[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(chars[to - 1])) {
            to--;
        }
        boolean negative = from < to && chars[from] == '-';
        int first = negative || from < to && chars[from] == '+' ? from + 1 : from;
        if (first == to || to - first > 18) {
            throw new TwilioProtocolException(field + " is not a number");
        }
        long value = 0;
        for (int i = first; i < to; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                throw new TwilioProtocolException(field + " is not a number");
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    // ---------------------------------------------------------------- outbound

    /** {@code {"event":"mark","streamSid":…,"mark":{"name":…}}}. */
    public static String mark(String streamSid, String name) {
        return "{\"event\":\"mark\",\"streamSid\":\"" + escape(streamSid) + "\",\"mark\":{\"name\":\"" + escape(name)
                + "\"}}";
    }

    /** {@code {"event":"clear","streamSid":…}}. */
    public static String clear(String streamSid) {
        return "{\"event\":\"clear\",\"streamSid\":\"" + escape(streamSid) + "\"}";
    }

    /** JSON string escaping (quotes, backslashes, control characters); non-ASCII text stays as it is. */
    static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /**
     * Builds outbound {@code media} messages for one stream into a reused buffer: the fixed prefix and suffix are
     * made once, so each 20 ms frame costs the Base64 of 160 bytes and the final string. Pacer thread only.
     */
    public static final class MediaEncoder {
        private static final byte[] SUFFIX = "\"}}".getBytes(StandardCharsets.US_ASCII);
        private final byte[] prefix;

        public MediaEncoder(String streamSid) {
            this.prefix = ("{\"event\":\"media\",\"streamSid\":\"" + escape(streamSid) + "\",\"media\":{\"payload\":\"")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The media message for {@code ulaw[off..off+len)}, as the UTF-8 bytes of a WebSocket text frame: one array of
         * exactly the message's length, with no String and no character encoding on the way.
         */
        public byte[] encode(byte[] ulaw, int off, int len) {
            byte[] message = new byte[prefix.length + Base64Chars.encodedLength(len) + SUFFIX.length];
            System.arraycopy(prefix, 0, message, 0, prefix.length);
            int at = Base64Chars.encode(ulaw, off, len, message, prefix.length);
            System.arraycopy(SUFFIX, 0, message, at, SUFFIX.length);
            return message;
        }
    }

    /** Lower-case event name, for log lines. */
    static String describe(TwilioInbound.Event event) {
        return event.name().toLowerCase(Locale.ROOT);
    }
}
