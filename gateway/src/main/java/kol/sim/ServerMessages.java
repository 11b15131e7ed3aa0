package kol.sim;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks what a server sends as strictly as Twilio does (errors 31950, 31951): JSON text only; only {@code media},
 * {@code mark} and {@code clear}; exactly the documented fields, no more, no fewer; this stream's
 * {@code streamSid}; a base64 payload of raw μ-law.
 *
 * <p>Stateless and thread-safe.
 */
final class ServerMessages {
    private static final Set<String> MEDIA_FIELDS = Set.of("event", "streamSid", "media");
    private static final Set<String> MEDIA_BODY_FIELDS = Set.of("payload");
    private static final Set<String> MARK_FIELDS = Set.of("event", "streamSid", "mark");
    private static final Set<String> MARK_BODY_FIELDS = Set.of("name");
    private static final Set<String> CLEAR_FIELDS = Set.of("event", "streamSid");

    private ServerMessages() {
    }

    /** The reason a binary frame is invalid: Twilio takes only JSON text (error 31950). */
    static ServerMessage.Invalid binary(int bytes) {
        return new ServerMessage.Invalid("binary frame of " + bytes + " bytes (Twilio accepts only JSON text)");
    }

    /** Reads one text message of the stream {@code streamSid}. */
    static ServerMessage parse(String text, String streamSid) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return invalid("not a JSON object: " + abbreviate(text));
        }
        Object event = json.getValue("event");
        if (!(event instanceof String)) {
            return invalid(event == null ? "no \"event\" field: " + abbreviate(text)
                    : "\"event\" is not a string: " + abbreviate(text));
        }
        return switch ((String) event) {
            case "media" -> media(json, streamSid);
            case "mark" -> mark(json, streamSid);
            case "clear" -> {
                String problem = problem("clear", json, CLEAR_FIELDS, streamSid);
                yield problem == null ? new ServerMessage.Clear() : invalid(problem);
            }
            default -> invalid("unknown event \"" + event + "\" (Twilio accepts media, mark, clear)");
        };
    }

    private static ServerMessage media(JsonObject json, String streamSid) {
        String problem = problem("media", json, MEDIA_FIELDS, streamSid);
        if (problem == null) {
            problem = body("media", json, "media", MEDIA_BODY_FIELDS);
        }
        if (problem != null) {
            return invalid(problem);
        }
        Object payload = json.getJsonObject("media").getValue("payload");
        if (!(payload instanceof String)) {
            return invalid("media: payload is not a string");
        }
        byte[] muLaw;
        try {
            muLaw = Base64.getDecoder().decode((String) payload);
        } catch (IllegalArgumentException e) {
            return invalid("media: payload is not base64 (" + e.getMessage() + ")");
        }
        if (muLaw.length == 0) {
            return invalid("media: empty payload");
        }
        return new ServerMessage.Media(muLaw);
    }

    private static ServerMessage mark(JsonObject json, String streamSid) {
        String problem = problem("mark", json, MARK_FIELDS, streamSid);
        if (problem == null) {
            problem = body("mark", json, "mark", MARK_BODY_FIELDS);
        }
        if (problem != null) {
            return invalid(problem);
        }
        Object name = json.getJsonObject("mark").getValue("name");
        if (!(name instanceof String)) {
            return invalid("mark: name is not a string");
        }
        return new ServerMessage.Mark((String) name);
    }

    /** Top-level fields and the streamSid; null when both are right. */
    private static String problem(String event, JsonObject json, Set<String> fields, String streamSid) {
        String shape = fields(event, json, fields);
        if (shape != null) {
            return shape;
        }
        Object sid = json.getValue("streamSid");
        if (!streamSid.equals(sid)) {
            return event + ": streamSid " + (sid instanceof String ? "\"" + sid + "\"" : String.valueOf(sid))
                    + " is not this stream's (" + streamSid + ")";
        }
        return null;
    }

    private static String body(String event, JsonObject json, String key, Set<String> fields) {
        Object body = json.getValue(key);
        if (!(body instanceof JsonObject)) {
            return event + ": \"" + key + "\" is not an object";
        }
        return fields(event + "." + key, (JsonObject) body, fields);
    }

    private static String fields(String where, JsonObject json, Set<String> expected) {
        Set<String> extra = new TreeSet<>(json.fieldNames());
        extra.removeAll(expected);
        if (!extra.isEmpty()) {
            return where + ": extra field" + (extra.size() > 1 ? "s " : " ") + quoted(extra);
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(json.fieldNames());
        if (!missing.isEmpty()) {
            return where + ": missing field" + (missing.size() > 1 ? "s " : " ") + quoted(missing);
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

    private static ServerMessage.Invalid invalid(String reason) {
        return new ServerMessage.Invalid(reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
