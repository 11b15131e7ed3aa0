package kol.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/** Errors a log reader can act on: the HTTP status with OpenAI's own message, or why the request never got far. */
final class OpenAiTtsErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 300;

    private OpenAiTtsErrors() {
    }

    /** A non-200 answer. OpenAI-compatible servers put the reason in {@code error.message}. */
    static IOException status(int status, byte[] body) {
        String hint = switch (status) {
            case 401 -> " (check OPENAI_API_KEY)";
            case 404 -> " (check OPENAI_BASE_URL and OPENAI_TTS_MODEL)";
            case 429 -> " (rate limit or quota)";
            default -> status >= 500 ? " (the service's side)" : "";
        };
        return new IOException("OpenAI TTS answered HTTP " + status + ": " + message(body) + hint);
    }

    static IOException requestFailed(Throwable error, URI uri) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String where = uri.getScheme() + "://" + uri.getAuthority();
        if (cause instanceof HttpTimeoutException) {
            return new IOException("OpenAI TTS at " + where + " did not answer in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof ConnectException) {
            return new IOException("cannot connect to OpenAI TTS at " + where + ": " + cause, cause);
        }
        return new IOException("OpenAI TTS request to " + where + " failed: " + cause, cause);
    }

    private static String message(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode error = JSON.readTree(text).path("error");
            if (error.path("message").isTextual()) {
                text = error.path("message").asText();
            } else if (error.isTextual()) {
                text = error.asText();
            }
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page): the text itself, cut short, says more than nothing.
        }
        if (text.isEmpty()) {
            return "(no message)";
        }
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text;
    }
}
