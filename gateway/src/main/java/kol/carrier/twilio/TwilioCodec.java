package kol.carrier.twilio;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import kol.base.JsonReader;
import kol.base.JsonReader.Token;
import kol.base.JsonSyntaxException;

/**
 * Twilio Media Streams JSON, both ways, and nothing else: no I/O, no state beyond reused buffers.
 *
 * <p>Inbound messages are read with a {@link JsonReader} into a reused {@link TwilioInbound} (fields may come in any
 * order), with no allocation for a media message. {@code sequenceNumber}, {@code chunk} and {@code timestamp} are
 * strings in Twilio's documentation; numbers are accepted too, since some peers send them. Outbound messages carry
 * exactly the documented fields ({@code event}, {@code streamSid}, and {@code media.payload} or {@code mark.name}):
 * Twilio rejects anything extra with warning 31951.
 */
public final class TwilioCodec {
    private static final String[] EVENTS = {"connected", "start", "media", "dtmf", "mark", "stop"};
    private static final TwilioInbound.Event[] EVENT_VALUES = {TwilioInbound.Event.CONNECTED,
        TwilioInbound.Event.START, TwilioInbound.Event.MEDIA, TwilioInbound.Event.DTMF, TwilioInbound.Event.MARK,
        TwilioInbound.Event.STOP};
    private static final byte[][] EVENT_NAMES = JsonReader.names(EVENTS);
    private static final byte[][] TOP = JsonReader.names("event", "streamSid", "sequenceNumber", "start", "media",
            "dtmf", "mark");
    private static final byte[][] START = JsonReader.names("accountSid", "callSid", "streamSid", "tracks",
            "customParameters", "mediaFormat");
    private static final byte[][] MEDIA_FORMAT = JsonReader.names("encoding", "sampleRate", "channels");
    private static final byte[][] MEDIA = JsonReader.names("track", "chunk", "timestamp", "payload");
    private static final byte[][] DIGIT = JsonReader.names("digit");
    private static final byte[][] NAME = JsonReader.names("name");

    private TwilioCodec() {
    }

    /** Parses {@code text} into {@code into}; throws with a reason when it is not a usable Media Streams message. */
    public static void parse(String text, TwilioInbound into) throws TwilioProtocolException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        parse(utf8, 0, utf8.length, into);
    }

    /**
     * Parses the UTF-8 text {@code utf8[offset, offset + length)} into {@code into}, straight from the WebSocket
     * frame's bytes with {@code into}'s own {@link JsonReader}: a media message allocates nothing. Throws as
     * {@link #parse(String, TwilioInbound)}.
     */
    public static void parse(byte[] utf8, int offset, int length, TwilioInbound into) throws TwilioProtocolException {
        into.reset();
        try {
            read(into.json.reset(utf8, offset, length), into);
        } catch (JsonSyntaxException e) {
            throw new TwilioProtocolException("invalid JSON: " + e.getMessage());
        }
    }

    private static void read(JsonReader p, TwilioInbound into) throws JsonSyntaxException, TwilioProtocolException {
        if (p.next() != Token.START_OBJECT) {
            throw new TwilioProtocolException("not a JSON object");
        }
        while (p.next() == Token.FIELD_NAME) {
            int field = p.match(TOP);
            Token value = p.next();
            switch (field) {
                case 0 -> {
                    expectString(value, "event");
                    int known = p.match(EVENT_NAMES);
                    into.eventName = known >= 0 ? EVENTS[known] : p.text();
                    into.event = known >= 0 ? EVENT_VALUES[known] : TwilioInbound.Event.UNKNOWN;
                }
                case 1 -> {
                    expectString(value, "streamSid");
                    into.streamSid = into.knownStreamSid = p.textSameAs(into.knownStreamSid);
                }
                case 2 -> into.sequenceNumber = number(p, value, "sequenceNumber");
                case 3 -> readStart(p, value, into);
                case 4 -> readMedia(p, value, into);
                case 5 -> into.digit = onlyField(p, value, "dtmf", DIGIT, "dtmf.digit");
                case 6 -> into.markName = onlyField(p, value, "mark", NAME, "mark.name");
                default -> p.skipChildren();
            }
        }
        p.next(); // after the object: null, or a syntax error for trailing content
        if (into.eventName == null) {
            throw new TwilioProtocolException("no \"event\" field");
        }
        validate(into);
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

    private static void readStart(JsonReader p, Token value, TwilioInbound in) throws JsonSyntaxException,
            TwilioProtocolException {
        expectObject(value, "start");
        while (p.next() == Token.FIELD_NAME) {
            int field = p.match(START);
            Token v = p.next();
            switch (field) {
                case 0 -> in.accountSid = text(p, v, "start.accountSid");
                case 1 -> in.callSid = text(p, v, "start.callSid");
                case 2 -> in.startStreamSid = text(p, v, "start.streamSid");
                case 3 -> {
                    if (v != Token.START_ARRAY) {
                        throw new TwilioProtocolException("start.tracks is not an array");
                    }
                    for (Token t = p.next(); t != Token.END_ARRAY; t = p.next()) {
                        in.tracks.add(text(p, t, "start.tracks[]"));
                    }
                }
                case 4 -> {
                    expectObject(v, "start.customParameters");
                    while (p.next() == Token.FIELD_NAME) {
                        String name = p.text();
                        Token pv = p.next();
                        if (pv == Token.START_OBJECT || pv == Token.START_ARRAY) {
                            p.skipChildren();
                        } else if (pv != Token.NULL) {
                            in.customParameters.put(name, p.text());
                        }
                    }
                }
                case 5 -> {
                    expectObject(v, "start.mediaFormat");
                    in.hasMediaFormat = true;
                    while (p.next() == Token.FIELD_NAME) {
                        int name = p.match(MEDIA_FORMAT);
                        Token fv = p.next();
                        switch (name) {
                            case 0 -> in.encoding = text(p, fv, "start.mediaFormat.encoding");
                            case 1 -> in.sampleRateHz = (int) number(p, fv, "start.mediaFormat.sampleRate");
                            case 2 -> in.channels = (int) number(p, fv, "start.mediaFormat.channels");
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readMedia(JsonReader p, Token value, TwilioInbound in) throws JsonSyntaxException,
            TwilioProtocolException {
        expectObject(value, "media");
        while (p.next() == Token.FIELD_NAME) {
            int field = p.match(MEDIA);
            Token v = p.next();
            switch (field) {
                case 0 -> {
                    expectString(v, "media.track");
                    in.track = in.knownTrack = p.textSameAs(in.knownTrack);
                }
                case 1 -> in.chunk = number(p, v, "media.chunk");
                case 2 -> in.timestampMs = number(p, v, "media.timestamp");
                case 3 -> {
                    if (v != Token.STRING) {
                        throw new TwilioProtocolException("media.payload is not a string");
                    }
                    int length = p.textLength();
                    int max = Base64Chars.maxDecodedBytes(length);
                    if (in.payload.length < max) {
                        in.payload = new byte[Math.max(max, in.payload.length * 2)];
                    }
                    int decoded = p.escaped() ? -1 : Base64Chars.decode(p.buffer(), p.textStart(), length, in.payload);
                    if (decoded < 0) {
                        throw new TwilioProtocolException("media.payload is not valid base64 (" + length + " chars)");
                    }
                    in.payloadLength = decoded;
                }
                default -> p.skipChildren();
            }
        }
    }

    /** The string field {@code names[0]} ({@code label}) of the object {@code field}; its other fields are skipped. */
    private static String onlyField(JsonReader p, Token value, String field, byte[][] names, String label)
            throws JsonSyntaxException, TwilioProtocolException {
        expectObject(value, field);
        String found = null;
        while (p.next() == Token.FIELD_NAME) {
            boolean wanted = p.match(names) == 0;
            Token v = p.next();
            if (wanted) {
                found = text(p, v, label);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static void expectObject(Token token, String field) throws TwilioProtocolException {
        if (token != Token.START_OBJECT) {
            throw new TwilioProtocolException(field + " is not an object");
        }
    }

    private static void expectString(Token token, String field) throws TwilioProtocolException {
        if (token != Token.STRING) {
            throw new TwilioProtocolException(field + " is not a string");
        }
    }

    private static String text(JsonReader p, Token token, String field) throws TwilioProtocolException {
        expectString(token, field);
        return p.text();
    }

    /** A counter or size: a JSON integer, or (as Twilio sends them) a string of digits, read in place. */
    private static long number(JsonReader p, Token token, String field) throws TwilioProtocolException {
        if (token == Token.NUMBER || token == Token.STRING) {
            try {
                return p.longValue();
            } catch (NumberFormatException e) {
                throw new TwilioProtocolException(field + " is not a number");
            }
        }
        throw new TwilioProtocolException(field + " is not a number");
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
