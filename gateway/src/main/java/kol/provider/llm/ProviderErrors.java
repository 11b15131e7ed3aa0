package kol.provider.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provider's own words for a failure. OpenAI, Anthropic and most compatible servers answer
 * {@code {"error": {"type": …, "message": …}}} (Ollama sometimes {@code {"error": "…"}}), both as an HTTP error body
 * and as an error event inside a stream.
 */
public final class ProviderErrors {
    /** Enough of an unrecognised error body to tell what it was, and no more in the log. */
    private static final int MAX_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderErrors() {
    }

    /** "type: message" from an {@code error} node (an object or plain text). */
    public static String describe(JsonNode error) {
        if (error.isTextual()) {
            return clip(error.asText());
        }
        String message = error.path("message").asText("");
        String type = error.path("type").asText(error.path("code").asText(""));
        if (message.isEmpty()) {
            return clip(error.toString());
        }
        return clip(type.isEmpty() ? message : type + ": " + message);
    }

    /** The message in an error body, or the start of the body as text when it is not the usual JSON. */
    public static String fromBody(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.has("error")) {
                return describe(root.get("error"));
            }
        } catch (JsonProcessingException e) {
            // Not JSON (a proxy's HTML page, say): the text itself is the best there is.
        }
        String text = body.strip();
        return text.isEmpty() ? "(no message)" : clip(text);
    }

    private static String clip(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }
}
