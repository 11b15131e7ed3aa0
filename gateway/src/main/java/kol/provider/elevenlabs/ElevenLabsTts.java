package kol.provider.elevenlabs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import kol.base.Knobs;
import kol.base.Settings;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsDelivery;
import kol.provider.tts.TtsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ElevenLabs over its HTTP streaming endpoint: {@code POST /v1/text-to-speech/{voice}/stream?output_format=ulaw_8000}
 * with {@code xi-api-key}, the body streamed to the listener as 8 kHz μ-law as it arrives (a leading WAV header, if
 * one ever comes, is dropped).
 *
 * <p>HTTP and not the WebSocket API because Hebrew needs {@code eleven_v3}, which the WebSocket endpoints refuse
 * (403; ElevenLabs support via livekit/agents #3235), so each sentence is one request; the conversation already
 * speaks sentence by sentence. {@code language_code} goes with the models that take it ({@code he} for he-IL).
 *
 * <p>Errors reach {@code onError} with the HTTP status and ElevenLabs' message; nothing is retried here (a caller on
 * the line cannot wait out a back-off). A stream silent for the stall timeout fails; cancel closes the connection.
 * Thread-safe; one instance and its HTTP client serve every call; listener calls come from the client's threads.
 */
public final class ElevenLabsTts implements TextToSpeech {

    private static final Logger LOG = LoggerFactory.getLogger(ElevenLabsTts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElevenLabsOptions options;
    private final HttpClient client;

    public ElevenLabsTts(ElevenLabsOptions options) {
        this(options, HttpClient.newBuilder().connectTimeout(Duration.ofMillis(options.stallTimeoutMs())).build());
    }

    ElevenLabsTts(ElevenLabsOptions options, HttpClient client) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The adapter the {@code ELEVENLABS_*} settings describe; warns when the model will not speak Hebrew. */
    public static ElevenLabsTts fromSettings(Settings settings) {
        ElevenLabsOptions options = ElevenLabsOptions.fromSettings(settings);
        if (settings.get(Knobs.LANGUAGE).startsWith("he") && !options.speaksHebrew()) {
            LOG.warn("ELEVENLABS_MODEL={} is not listed as speaking Hebrew; {} is", options.modelId(),
                    ElevenLabsOptions.HEBREW_MODEL);
        }
        return new ElevenLabsTts(options);
    }

    public ElevenLabsOptions options() {
        return options;
    }

    /** What the audio sounds like (model, voice, language), for {@code kol.provider.ttscache}. */
    public String voiceKey() {
        return options.voiceKey();
    }

    @Override
    public AudioFormat format() {
        return AudioFormat.MULAW_8K;
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(listener, "listener");
        TtsDelivery delivery = new TtsDelivery(listener, options.stallTimeoutMs(),
                "ElevenLabs (voice " + options.voiceId() + ", " + options.modelId() + ")");
        if (text.isBlank()) {
            // Nothing to say is not a failure, and not worth a request.
            delivery.endLater(null);
            return delivery::cancel;
        }
        ElevenLabsStream stream = new ElevenLabsStream(client, request(text), delivery);
        stream.start();
        return stream;
    }

    HttpRequest request(String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text.strip()).put("model_id", options.modelId());
        if (!options.languageCode().isEmpty()) {
            body.put("language_code", options.languageCode());
        }
        return HttpRequest.newBuilder(options.streamUri())
                .header("xi-api-key", options.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "audio/basic, */*")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    @Override
    public String name() {
        return "elevenlabs";
    }
}
