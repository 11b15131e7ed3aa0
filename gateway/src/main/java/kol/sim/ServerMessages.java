package kol.sim;

import java.nio.charset.StandardCharsets;
import kol.audio.Telephony;
import kol.base.JsonReader;
import kol.base.JsonSyntaxException;
import kol.carrier.twilio.Base64Chars;

/**
 * Checks what a server sends as strictly as Twilio does (errors 31950, 31951): JSON text only; only {@code media},
 * {@code mark} and {@code clear}; exactly the documented fields, no more, no fewer, none twice; this stream's
 * {@code streamSid}; a base64 payload of raw μ-law.
 *
 * <p>A load run reads some 50,000 messages a second, so each call reads its messages with its own {@link JsonReader}
 * in one pass into a {@link ServerFields} (no tree, no map, no String per message) and decodes a payload in place
 * into a reused buffer.
 *
 * <p>One per call, on its event loop; the static methods are thread-safe.
 */
final class ServerMessages {
    private final JsonReader json = new JsonReader();
    private byte[] payload = new byte[Telephony.FRAME_BYTES * 4];

    /** The reason a binary frame is invalid: Twilio takes only JSON text (error 31950). */
    static ServerMessage.Invalid binary(int bytes) {
        return new ServerMessage.Invalid("binary frame of " + bytes + " bytes (Twilio accepts only JSON text)");
    }

    /** The reason a message in fragments is invalid: it grew past what the simulator puts together. */
    static ServerMessage.Invalid tooBig(int maxMessageBytes) {
        return new ServerMessage.Invalid("message in fragments over " + maxMessageBytes + " bytes");
    }

    /** Reads one text message of the stream {@code streamSid}. */
    static ServerMessage parse(String text, String streamSid) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new ServerMessages().parse(utf8, 0, utf8.length, streamSid);
    }

    /**
     * Reads one text message of the stream {@code streamSid} from its UTF-8 bytes {@code utf8[offset, offset +
     * length)}, straight from the WebSocket frame: a String of it is made only to quote an invalid one. A media
     * message's audio is in a buffer of this reader's, valid until the next message.
     */
    ServerMessage parse(byte[] utf8, int offset, int length, String streamSid) {
        ServerFields fields;
        try {
            fields = ServerFields.read(json.reset(utf8, offset, length), streamSid);
        } catch (JsonSyntaxException e) {
            fields = null;
        }
        String text = fields != null && fields.event() != null ? null : new String(utf8, offset, length,
                StandardCharsets.UTF_8);
        if (fields == null) {
            return invalid("not a JSON object: " + abbreviate(text));
        }
        if (!fields.has(ServerFields.EVENT)) {
            return invalid("no \"event\" field: " + abbreviate(text));
        }
        if (fields.event() == null) {
            return invalid("\"event\" is not a string: " + abbreviate(text));
        }
        return switch (fields.event()) {
            case "media" -> media(fields, utf8, streamSid);
            case "mark" -> mark(fields, streamSid);
            case "clear" -> {
                String problem = fields.problem("clear", ServerFields.EVENT | ServerFields.STREAM_SID, streamSid);
                yield problem == null ? new ServerMessage.Clear() : invalid(problem);
            }
            default -> invalid("unknown event \"" + fields.event() + "\" (Twilio accepts media, mark, clear)");
        };
    }

    private ServerMessage media(ServerFields fields, byte[] utf8, String streamSid) {
        String problem = fields.problem("media", ServerFields.EVENT | ServerFields.STREAM_SID | ServerFields.MEDIA,
                streamSid);
        if (problem == null) {
            problem = fields.media().problem("media", "media");
        }
        if (problem != null) {
            return invalid(problem);
        }
        ServerFields.Body body = fields.media();
        if (!body.isString()) {
            return invalid("media: payload is not a string");
        }
        int chars = body.rawLength();
        if (payload.length < Base64Chars.maxDecodedBytes(chars)) {
            payload = new byte[Base64Chars.maxDecodedBytes(chars)];
        }
        int bytes = body.escaped() ? -1 : Base64Chars.decode(utf8, body.rawStart(), chars, payload);
        if (bytes < 0) {
            return invalid("media: payload is not base64 (" + chars + " characters)");
        }
        if (bytes == 0) {
            return invalid("media: empty payload");
        }
        return new ServerMessage.Media(payload, bytes);
    }

    private static ServerMessage mark(ServerFields fields, String streamSid) {
        String problem = fields.problem("mark", ServerFields.EVENT | ServerFields.STREAM_SID | ServerFields.MARK,
                streamSid);
        if (problem == null) {
            problem = fields.mark().problem("mark", "mark");
        }
        if (problem != null) {
            return invalid(problem);
        }
        String name = fields.mark().value();
        if (name == null) {
            return invalid("mark: name is not a string");
        }
        return new ServerMessage.Mark(name);
    }

    private static ServerMessage.Invalid invalid(String reason) {
        return new ServerMessage.Invalid(reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
