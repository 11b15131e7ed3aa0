package kol.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks what a server sends as strictly as Twilio does (errors 31950, 31951): JSON text only; only {@code media},
 * {@code mark} and {@code clear}; exactly the documented fields, no more, no fewer, none twice; this stream's
 * {@code streamSid}; a base64 payload of raw μ-law.
 *
 * <p>A load run parses some 50,000 messages a second, so a message is read in one pass of Jackson's streaming
 * parser into a {@link ServerFields} (no tree, no map per message) and judged from that.
 *
 * <p>Stateless and thread-safe (a {@link JsonFactory} is).
 */
final class ServerMessages {
    private static final JsonFactory JSON = new JsonFactory();

    private ServerMessages() {
    }

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
        return parse(utf8, 0, utf8.length, streamSid);
    }

    /**
     * Reads one text message of the stream {@code streamSid} from its UTF-8 bytes {@code utf8[offset, offset +
     * length)}, straight from the WebSocket frame: a String of it is made only to quote an invalid one.
     */
    static ServerMessage parse(byte[] utf8, int offset, int length, String streamSid) {
        ServerFields json;
        try (JsonParser parser = JSON.createParser(utf8, offset, length)) {
            json = ServerFields.read(parser, streamSid);
        } catch (IOException e) {
            json = null;
        }
        String text = json != null && json.event() != null ? null : new String(utf8, offset, length,
                StandardCharsets.UTF_8);
        if (json == null) {
            return invalid("not a JSON object: " + abbreviate(text));
        }
        if (!json.has(ServerFields.EVENT)) {
            return invalid("no \"event\" field: " + abbreviate(text));
        }
        if (json.event() == null) {
            return invalid("\"event\" is not a string: " + abbreviate(text));
        }
        return switch (json.event()) {
            case "media" -> media(json, streamSid);
            case "mark" -> mark(json, streamSid);
            case "clear" -> {
                String problem = json.problem("clear", ServerFields.EVENT | ServerFields.STREAM_SID, streamSid);
                yield problem == null ? new ServerMessage.Clear() : invalid(problem);
            }
            default -> invalid("unknown event \"" + json.event() + "\" (Twilio accepts media, mark, clear)");
        };
    }

    private static ServerMessage media(ServerFields json, String streamSid) {
        String problem = json.problem("media", ServerFields.EVENT | ServerFields.STREAM_SID | ServerFields.MEDIA,
                streamSid);
        if (problem == null) {
            problem = json.media().problem("media", "media");
        }
        if (problem != null) {
            return invalid(problem);
        }
        String payload = json.media().value();
        if (payload == null) {
            return invalid("media: payload is not a string");
        }
        byte[] muLaw;
        try {
            muLaw = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return invalid("media: payload is not base64 (" + e.getMessage() + ")");
        }
        if (muLaw.length == 0) {
            return invalid("media: empty payload");
        }
        return new ServerMessage.Media(muLaw);
    }

    private static ServerMessage mark(ServerFields json, String streamSid) {
        String problem = json.problem("mark", ServerFields.EVENT | ServerFields.STREAM_SID | ServerFields.MARK,
                streamSid);
        if (problem == null) {
            problem = json.mark().problem("mark", "mark");
        }
        if (problem != null) {
            return invalid(problem);
        }
        String name = json.mark().value();
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
