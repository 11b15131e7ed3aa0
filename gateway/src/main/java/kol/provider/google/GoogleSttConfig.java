package kol.provider.google;

import com.google.cloud.speech.v1.RecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import java.util.Locale;
import kol.base.Knobs;
import kol.base.Settings;

/**
 * What the Google Speech-to-Text adapter reads from the settings, validated once.
 *
 * @param language the language as configured ({@code GCP_STT_LANGUAGE})
 * @param languageCode the code sent to Google: Hebrew as {@code iw-IL}
 * @param model {@code GCP_STT_MODEL}
 * @param enhanced {@code GCP_STT_ENHANCED}
 * @param endpoint {@code GCP_STT_ENDPOINT}, host:port; empty for Google's default
 * @param plaintext no TLS and no credentials (a local server)
 * @param channels gRPC connections shared by every call
 * @param restartMs stream audio after which a stream is renewed at an utterance boundary; 0 = never by choice
 * @param stallMs caller speech left unanswered this long restarts the stream
 * @param replayMaxMs caller audio kept for replay into a renewed stream
 * @param outageFallbackMs recognition down this long is reported once to the listener
 */
public record GoogleSttConfig(String language, String languageCode, String model, boolean enhanced, String endpoint,
        boolean plaintext, int channels, int restartMs, int stallMs, int replayMaxMs, int outageFallbackMs) {

    /**
     * Stream audio at which a stream is renewed even mid-utterance: Google ends a stream at 305 s ("Exceeded maximum
     * allowed stream duration of 305 seconds", PROTOCOLS.md §6.2); 10 s of margin covers a replay burst and latency.
     */
    public static final int FORCED_RESTART_MS = 295_000;

    /** Google guides toward fewer than 50 concurrent RPCs per channel (gax ChannelPoolSettings). */
    private static final int CALLS_PER_CHANNEL = 50;
    private static final int MAX_AUTO_CHANNELS = 64;

    /** The adapter's settings; {@code GCP_STT_CHANNELS=0} takes one connection per 50 {@code MAX_CALLS}. */
    public static GoogleSttConfig from(Settings settings) {
        String language = settings.get(Knobs.GCP_STT_LANGUAGE);
        String endpoint = settings.get(Knobs.GCP_STT_ENDPOINT);
        String plaintext = settings.get(Knobs.GCP_STT_PLAINTEXT);
        int channels = settings.get(Knobs.GCP_STT_CHANNELS);
        if (channels == 0) {
            int calls = settings.get(Knobs.MAX_CALLS);
            channels = Math.min(MAX_AUTO_CHANNELS, (calls + CALLS_PER_CHANNEL - 1) / CALLS_PER_CHANNEL);
        }
        return new GoogleSttConfig(language, requestLanguage(language), settings.get(Knobs.GCP_STT_MODEL),
                settings.get(Knobs.GCP_STT_ENHANCED), endpoint,
                plaintext.equals("auto") ? isLoopback(endpoint) : plaintext.equals("true"), channels,
                settings.get(Knobs.GCP_STT_RESTART_MS), settings.get(Knobs.GCP_STT_STALL_MS),
                settings.get(Knobs.GCP_STT_REPLAY_MAX_MS), settings.get(Knobs.STT_OUTAGE_FALLBACK_MS));
    }

    /**
     * The language code Google's recogniser expects. Google STT lists Hebrew as {@code iw-IL} (its old ISO 639 code;
     * Pipecat and LiveKit send the same, PROTOCOLS.md §6.4), so {@code he-IL}, {@code he} and {@code iw} become
     * {@code iw-IL}; any other tag is sent as given.
     */
    public static String requestLanguage(String tag) {
        String trimmed = tag.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (lower) {
            case "he", "he-il", "iw", "iw-il" -> "iw-IL";
            default -> trimmed;
        };
    }

    /** Whether {@code endpoint} (host:port) names this machine, where plaintext is the only sensible transport. */
    public static boolean isLoopback(String endpoint) {
        String host = endpoint.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            host = host.substring(1, Math.max(1, host.indexOf(']')));
        } else if (colon > 0 && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** The first request of every stream: the configuration and no audio. */
    public StreamingRecognizeRequest configRequest() {
        RecognitionConfig recognition = RecognitionConfig.newBuilder()
                .setEncoding(RecognitionConfig.AudioEncoding.MULAW)
                .setSampleRateHertz(8000)
                .setLanguageCode(languageCode)
                .setModel(model)
                .setUseEnhanced(enhanced)
                .build();
        // Interim results give the conversation its first hypothesis early (the [TURN] stt_partial figure).
        return StreamingRecognizeRequest.newBuilder()
                .setStreamingConfig(StreamingRecognitionConfig.newBuilder()
                        .setConfig(recognition)
                        .setInterimResults(true))
                .build();
    }
}
