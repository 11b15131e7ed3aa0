package kol.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import kol.base.Settings;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsDelivery;
import kol.provider.tts.TtsListener;

/**
 * OpenAI's speech endpoint (and compatible servers): {@code POST {base}/audio/speech} with
 * {@code {"model", "input", "voice", "response_format": "pcm"}}; the answer is headerless 24 kHz 16-bit little-endian
 * mono PCM, streamed to the listener as it arrives (the speaking pipeline resamples it to 8 kHz).
 *
 * <p>The API key and base URL are the ones the LLM dialog uses ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL});
 * they are declared there, so {@link #fromSettings(Settings, String, String)} takes their values from the caller.
 *
 * <p>Errors reach {@code onError} with the HTTP status and OpenAI's message; nothing is retried here. A stream silent
 * for the stall timeout fails; cancel closes the connection. Thread-safe; one instance and its HTTP client serve every
 * call; listener calls come from the client's threads.
 */
public final class OpenAiTts implements TextToSpeech {

    /** "pcm: raw samples in 24kHz (16-bit signed, low-endian), without the header" (OpenAI audio API reference). */
    public static final int SAMPLE_RATE_HZ = 24_000;
    private static final AudioFormat FORMAT = AudioFormat.pcm16(SAMPLE_RATE_HZ);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiTtsOptions options;
    private final HttpClient client;

    public OpenAiTts(OpenAiTtsOptions options) {
        this(options, HttpClient.newBuilder().connectTimeout(Duration.ofMillis(options.stallTimeoutMs())).build());
    }

    OpenAiTts(OpenAiTtsOptions options, HttpClient client) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The adapter the {@code OPENAI_TTS_*} settings describe, at {@code baseUrl} with {@code apiKey}. */
    public static OpenAiTts fromSettings(Settings settings, String apiKey, String baseUrl) {
        return new OpenAiTts(OpenAiTtsOptions.fromSettings(settings, apiKey, baseUrl));
    }

    public OpenAiTtsOptions options() {
        return options;
    }

    /** What the audio sounds like (model, voice), for {@code kol.provider.ttscache}. */
    public String voiceKey() {
        return options.voiceKey();
    }

    @Override
    public AudioFormat format() {
        return FORMAT;
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(listener, "listener");
        TtsDelivery delivery = new TtsDelivery(listener, options.stallTimeoutMs(),
                "OpenAI TTS (" + options.model() + ", voice " + options.voice() + ")");
        if (text.isBlank()) {
            // Nothing to say is not a failure, and not worth a request.
            delivery.endLater(null);
            return delivery::cancel;
        }
        OpenAiTtsStream stream = new OpenAiTtsStream(client, request(text), delivery);
        stream.start();
        return stream;
    }

    HttpRequest request(String text) {
        ObjectNode body = JSON.createObjectNode().put("model", options.model()).put("input", text.strip())
                .put("voice", options.voice()).put("response_format", "pcm");
        return HttpRequest.newBuilder(options.speechUri())
                .header("Authorization", "Bearer " + options.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    @Override
    public String name() {
        return "openai";
    }
}
