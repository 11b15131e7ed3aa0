package kol.provider.openai;

import java.net.URI;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;

/**
 * How {@link OpenAiTts} speaks and where it asks.
 *
 * @param baseUrl the API base including its version path, e.g. {@code https://api.openai.com/v1}
 * @param apiKey sent as a bearer token; never logged
 * @param model e.g. {@code gpt-4o-mini-tts}
 * @param voice e.g. {@code alloy}
 * @param stallTimeoutMs no audio for this long after the request or the last chunk fails the synthesis
 */
public record OpenAiTtsOptions(URI baseUrl, String apiKey, String model, String voice, long stallTimeoutMs) {

    public OpenAiTtsOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new SettingsException("OPENAI_API_KEY is not set; TTS_PROVIDER=openai needs it");
        }
        if (model == null || model.isBlank()) {
            throw new SettingsException(Knobs.OPENAI_TTS_MODEL.env() + " is empty");
        }
        if (voice == null || voice.isBlank()) {
            throw new SettingsException(Knobs.OPENAI_TTS_VOICE.env() + " is empty");
        }
        if (stallTimeoutMs <= 0) {
            throw new IllegalArgumentException("stallTimeoutMs must be positive: " + stallTimeoutMs);
        }
    }

    /**
     * The options the {@code OPENAI_TTS_*} settings and {@code TTS_STALL_TIMEOUT_MS} describe, with the key and base
     * URL the caller read from {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL} (declared with the LLM dialog).
     */
    public static OpenAiTtsOptions fromSettings(Settings settings, String apiKey, String baseUrl) {
        return new OpenAiTtsOptions(baseUrl(baseUrl), apiKey, settings.get(Knobs.OPENAI_TTS_MODEL),
                settings.get(Knobs.OPENAI_TTS_VOICE), settings.get(Knobs.TTS_STALL_TIMEOUT_MS));
    }

    static URI baseUrl(String text) {
        String trimmed = text == null ? "" : text.strip();
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        try {
            URI uri = URI.create(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException("OPENAI_BASE_URL=" + text + " is not an http(s) URL");
        }
    }

    /** The speech endpoint. */
    URI speechUri() {
        return URI.create(baseUrl + "/audio/speech");
    }

    /** What the audio sounds like, for a cache key: model and voice. */
    public String voiceKey() {
        return model + "|" + voice;
    }

    @Override
    public String toString() {
        // The key stays out of logs.
        return "OpenAiTtsOptions[" + baseUrl + ", model " + model + ", voice " + voice + "]";
    }
}
