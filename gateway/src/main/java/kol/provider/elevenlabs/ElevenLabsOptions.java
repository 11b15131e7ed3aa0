package kol.provider.elevenlabs;

import java.net.URI;
import java.util.Locale;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;

/**
 * Who {@link ElevenLabsTts} speaks as and where it asks.
 *
 * @param baseUrl the API base, e.g. {@code https://api.elevenlabs.io}
 * @param apiKey sent as {@code xi-api-key}; never logged
 * @param voiceId the voice
 * @param modelId the model; {@code eleven_v3} is the one that speaks Hebrew
 * @param languageCode ISO 639-1 code sent as {@code language_code}, or empty to send none
 * @param stallTimeoutMs no audio for this long after the request or the last chunk fails the synthesis
 */
public record ElevenLabsOptions(URI baseUrl, String apiKey, String voiceId, String modelId, String languageCode,
        long stallTimeoutMs) {

    /** The only model ElevenLabs lists with Hebrew (elevenlabs.io/docs/overview/models). */
    public static final String HEBREW_MODEL = "eleven_v3";

    public ElevenLabsOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new SettingsException(Knobs.ELEVENLABS_API_KEY.env() + " is not set; TTS_PROVIDER=elevenlabs needs "
                    + "an API key from the ElevenLabs dashboard");
        }
        if (voiceId == null || voiceId.isBlank()) {
            throw new SettingsException(Knobs.ELEVENLABS_VOICE_ID.env() + " is not set; name the voice to speak with "
                    + "(its id from the ElevenLabs voice library)");
        }
        if (!voiceId.strip().matches("[A-Za-z0-9_-]+")) {
            // It goes into the URL path as is.
            throw new SettingsException(Knobs.ELEVENLABS_VOICE_ID.env() + "=" + voiceId + " is not a voice id "
                    + "(letters, digits, _ and - only)");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new SettingsException(Knobs.ELEVENLABS_MODEL.env() + " is empty; use " + HEBREW_MODEL);
        }
        if (stallTimeoutMs <= 0) {
            throw new IllegalArgumentException("stallTimeoutMs must be positive: " + stallTimeoutMs);
        }
        languageCode = languageCode == null ? "" : languageCode;
    }

    /** The options the {@code ELEVENLABS_*} settings, {@code LANGUAGE} and {@code TTS_STALL_TIMEOUT_MS} describe. */
    public static ElevenLabsOptions fromSettings(Settings settings) {
        String model = settings.get(Knobs.ELEVENLABS_MODEL);
        String language = settings.get(Knobs.LANGUAGE);
        return new ElevenLabsOptions(baseUrl(settings.get(Knobs.ELEVENLABS_BASE_URL)),
                settings.get(Knobs.ELEVENLABS_API_KEY), settings.get(Knobs.ELEVENLABS_VOICE_ID), model,
                enforcesLanguage(model) ? language.split("-")[0].toLowerCase(Locale.ROOT) : "",
                settings.get(Knobs.TTS_STALL_TIMEOUT_MS));
    }

    /**
     * Whether a model takes {@code language_code}: v3 and the v2.5 models do; others answer it with an error
     * ("If the model does not support provided language code, an error will be returned", API reference).
     */
    static boolean enforcesLanguage(String model) {
        return model.startsWith("eleven_v3") || model.endsWith("_v2_5");
    }

    /** Whether this model can be expected to speak Hebrew (a Hebrew comparison found the others unintelligible). */
    public boolean speaksHebrew() {
        return modelId.startsWith(HEBREW_MODEL);
    }

    static URI baseUrl(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = URI.create(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Knobs.ELEVENLABS_BASE_URL.env() + "=" + text + " is not an http(s) URL");
        }
    }

    /** The streaming endpoint for this voice, asking for 8 kHz μ-law. */
    URI streamUri() {
        return URI.create(baseUrl + "/v1/text-to-speech/" + voiceId.strip() + "/stream?output_format=ulaw_8000");
    }

    /** What the audio sounds like, for a cache key: model, voice and language. */
    public String voiceKey() {
        return modelId + "|" + voiceId + "|" + languageCode;
    }

    @Override
    public String toString() {
        // The key stays out of logs.
        return "ElevenLabsOptions[" + baseUrl + ", voice " + voiceId + ", model " + modelId + ", language "
                + (languageCode.isEmpty() ? "(none)" : languageCode) + "]";
    }
}
