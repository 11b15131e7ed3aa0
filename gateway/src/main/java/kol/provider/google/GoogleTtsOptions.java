package kol.provider.google;

import java.util.Locale;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;

/**
 * How {@link GoogleTts} speaks: the voice, its language and rate, where the service is, and how long a silent
 * service may keep a sentence waiting.
 *
 * @param voice a voice name such as {@code he-IL-Wavenet-A} or {@code he-IL-Chirp3-HD-Aoede}
 * @param languageCode the voice's BCP 47 language, e.g. {@code he-IL}
 * @param speakingRate 1.0 is the voice's natural speed; Google accepts 0.25 to 4.0
 * @param endpoint {@code host:port}, or empty for Google's own endpoint
 * @param stallTimeoutMs no audio for this long after the request or the last chunk fails the synthesis
 */
public record GoogleTtsOptions(String voice, String languageCode, double speakingRate, String endpoint,
        long stallTimeoutMs) {

    /** Google's documented speaking-rate range. */
    static final double MIN_RATE = 0.25;
    static final double MAX_RATE = 4.0;
    /** Google's own endpoint, used when {@link #endpoint} is empty. */
    static final String GOOGLE_ENDPOINT = "texttospeech.googleapis.com:443";
    /**
     * "Streaming Text-to-Speech is only compatible with Chirp 3: HD voices", named {@code <locale>-Chirp3-HD-<star>}
     * (cloud.google.com/text-to-speech/docs/create-audio-text-streaming).
     */
    private static final String STREAMING_VOICE_MARK = "chirp3-hd";

    public GoogleTtsOptions {
        if (voice == null || voice.isBlank()) {
            throw new SettingsException(Knobs.GCP_TTS_VOICE.env() + " is empty; name a voice such as he-IL-Wavenet-A");
        }
        if (!(speakingRate >= MIN_RATE && speakingRate <= MAX_RATE)) {
            throw new SettingsException(Knobs.GCP_TTS_SPEAKING_RATE.env() + "=" + speakingRate + " is outside "
                    + MIN_RATE + "–" + MAX_RATE);
        }
        if (stallTimeoutMs <= 0) {
            throw new IllegalArgumentException("stallTimeoutMs must be positive: " + stallTimeoutMs);
        }
        endpoint = endpoint == null ? "" : endpoint.strip();
    }

    /** The options the {@code GCP_TTS_*} settings and {@code TTS_STALL_TIMEOUT_MS} describe. */
    public static GoogleTtsOptions fromSettings(Settings settings) {
        return new GoogleTtsOptions(settings.get(Knobs.GCP_TTS_VOICE), settings.get(Knobs.GCP_TTS_LANGUAGE),
                parseRate(settings.get(Knobs.GCP_TTS_SPEAKING_RATE)), settings.get(Knobs.GCP_TTS_ENDPOINT),
                settings.get(Knobs.TTS_STALL_TIMEOUT_MS));
    }

    static double parseRate(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException(Knobs.GCP_TTS_SPEAKING_RATE.env() + "=" + text + " is not a number (allowed: "
                    + Knobs.GCP_TTS_SPEAKING_RATE.allowed() + ")");
        }
    }

    /** Whether this voice takes the bidirectional streaming call, which only Chirp 3 HD voices do. */
    public boolean streaming() {
        return voice.toLowerCase(Locale.ROOT).contains(STREAMING_VOICE_MARK);
    }

    /** The endpoint to dial: the configured one, or Google's own. */
    String target() {
        return endpoint.isEmpty() ? GOOGLE_ENDPOINT : endpoint;
    }

    /**
     * Whether {@link #endpoint} names this machine. A local endpoint is a test or an emulator: it gets plaintext and
     * no credentials, so no real credentials ever travel unencrypted, and a test needs none.
     */
    boolean localEndpoint() {
        if (endpoint.isEmpty()) {
            return false;
        }
        String host = endpoint.startsWith("[") ? endpoint.substring(1, Math.max(1, endpoint.indexOf(']')))
                : endpoint.lastIndexOf(':') > 0 ? endpoint.substring(0, endpoint.lastIndexOf(':')) : endpoint;
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** Identifies what the audio sounds like, for a cache key: the same text in another voice is other audio. */
    public String voiceKey() {
        return voice + "|" + languageCode + "|" + speakingRate;
    }
}
