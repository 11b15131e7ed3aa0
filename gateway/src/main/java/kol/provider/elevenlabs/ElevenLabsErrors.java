package kol.provider.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/** Errors a log reader can act on: the HTTP status with ElevenLabs' own message, or why the request never got far. */
final class ElevenLabsErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 300;

    private ElevenLabsErrors() {
    }

    /** A non-200 answer. ElevenLabs puts the reason in {@code detail.message} (or {@code detail} as a string). */
    static IOException status(int status, byte[] body) {
        String hint = switch (status) {
            case 401 -> " (check ELEVENLABS_API_KEY)";
            case 404 -> " (check ELEVENLABS_VOICE_ID)";
            case 422 -> " (the request was refused: text, model or language_code)";
            case 429 -> " (rate or concurrency limit of the plan)";
            default -> status >= 500 ? " (ElevenLabs' side)" : "";
        };
        return new IOException("ElevenLabs answered HTTP " + status + ": " + message(body) + hint);
    }

    static IOException requestFailed(Throwable error, URI uri) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String where = uri.getScheme() + "://" + uri.getAuthority();
        if (cause instanceof HttpTimeoutException) {
            return new IOException("ElevenLabs at " + where + " did not answer in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof ConnectException) {
            return new IOException("cannot connect to ElevenLabs at " + where + ": " + cause, cause);
        }
        return new IOException("ElevenLabs request to " + where + " failed: " + cause, cause);
    }

    private static String message(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode detail = JSON.readTree(text).path("detail");
            if (detail.isTextual()) {
                text = detail.asText();
            } else if (detail.path("message").isTextual()) {
                text = detail.path("message").asText()
                        + (detail.path("status").isTextual() ? " [" + detail.path("status").asText() + "]" : "");
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
