package kol.provider.google;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.texttospeech.v1.AudioConfig;
import com.google.cloud.texttospeech.v1.AudioEncoding;
import com.google.cloud.texttospeech.v1.StreamingAudioConfig;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeConfig;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechRequest;
import com.google.cloud.texttospeech.v1.TextToSpeechClient;
import com.google.cloud.texttospeech.v1.TextToSpeechSettings;
import com.google.cloud.texttospeech.v1.VoiceSelectionParams;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kol.base.Settings;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsDelivery;
import kol.provider.tts.TtsListener;

/**
 * Google Cloud Text-to-Speech: 8 kHz μ-law straight from the service (no resampling on our side), he-IL voices.
 *
 * <p>A Chirp 3 HD voice ({@code he-IL-Chirp3-HD-*}) uses the bidirectional {@code StreamingSynthesize} call and its
 * audio flows while it is being made; any other voice (Standard, WaveNet) takes a {@code SynthesizeSpeech} call per
 * sentence. Text is cut to Google's 5000-byte input limit at sentence and word boundaries ({@link GoogleTtsText}).
 * Unary MULAW answers are WAV files; their header is walked and dropped ({@link GoogleTtsWav}).
 *
 * <p>Credentials are found the standard Google way (GOOGLE_APPLICATION_CREDENTIALS, gcloud's application default,
 * the metadata server). An endpoint on this machine ({@code GCP_TTS_ENDPOINT=localhost:port}) is dialled in
 * plaintext without credentials: that is a test server or an emulator.
 *
 * <p>Errors are not retried here: a caller on the line cannot wait out a back-off, and the conversation has its own
 * fallback. A service that sends nothing for {@link GoogleTtsOptions#stallTimeoutMs()} fails the synthesis.
 * Thread-safe; one instance and its gRPC channel serve every call. Listener calls come from gRPC threads.
 */
public final class GoogleTts implements TextToSpeech, AutoCloseable {

    private final GoogleTtsOptions options;
    private final TextToSpeechClient client;
    private final SynthesizeSpeechRequest unaryTemplate;
    private final StreamingSynthesizeConfig streamingConfig;

    GoogleTts(GoogleTtsOptions options, TextToSpeechClient client) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = Objects.requireNonNull(client, "client");
        VoiceSelectionParams voice = VoiceSelectionParams.newBuilder().setName(options.voice())
                .setLanguageCode(options.languageCode()).build();
        unaryTemplate = SynthesizeSpeechRequest.newBuilder().setVoice(voice)
                .setAudioConfig(AudioConfig.newBuilder().setAudioEncoding(AudioEncoding.MULAW)
                        .setSampleRateHertz(AudioFormat.MULAW_8K.sampleRateHz())
                        .setSpeakingRate(options.speakingRate()))
                .build();
        StreamingAudioConfig.Builder audio = StreamingAudioConfig.newBuilder().setAudioEncoding(AudioEncoding.MULAW)
                .setSampleRateHertz(AudioFormat.MULAW_8K.sampleRateHz());
        if (options.speakingRate() != 1.0) {
            // Sent only when asked for: the field is newer than streaming itself.
            audio.setSpeakingRate(options.speakingRate());
        }
        streamingConfig = StreamingSynthesizeConfig.newBuilder().setVoice(voice).setStreamingAudioConfig(audio).build();
    }

    /** The adapter the {@code GCP_TTS_*} settings describe, with a client connected to its endpoint. */
    public static GoogleTts fromSettings(Settings settings) throws IOException {
        return create(GoogleTtsOptions.fromSettings(settings));
    }

    /**
     * An adapter with its own client.
     *
     * @throws IOException when no Google credentials can be found, with what to set
     */
    public static GoogleTts create(GoogleTtsOptions options) throws IOException {
        TextToSpeechSettings.Builder settings = TextToSpeechSettings.newBuilder().setEndpoint(options.target());
        if (options.localEndpoint()) {
            settings.setCredentialsProvider(NoCredentialsProvider.create())
                    .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                            .setEndpoint(options.target())
                            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build());
        }
        // No retries: see the class comment. The stall timeout bounds every call instead.
        settings.synthesizeSpeechSettings().setRetryableCodes(Set.of());
        try {
            return new GoogleTts(options, TextToSpeechClient.create(settings.build()));
        } catch (IOException e) {
            throw new IOException("Google TTS cannot start: " + e.getMessage() + " Set GOOGLE_APPLICATION_CREDENTIALS "
                    + "to a service-account key file, or run `gcloud auth application-default login`.", e);
        }
    }

    public GoogleTtsOptions options() {
        return options;
    }

    /** What the audio sounds like (voice, language, rate), for {@code kol.provider.ttscache}. */
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
                "Google TTS (voice " + options.voice() + ")");
        List<String> pieces = GoogleTtsText.pieces(text, GoogleTtsText.MAX_INPUT_BYTES);
        if (pieces.isEmpty()) {
            // Nothing to say is not a failure: an empty reply must not look like a broken voice.
            delivery.endLater(null);
            return delivery::cancel;
        }
        if (options.streaming()) {
            GoogleTtsStream stream = new GoogleTtsStream(client.streamingSynthesizeCallable(), streamingConfig,
                    pieces, delivery, options.voice());
            stream.start();
            return stream;
        }
        GoogleTtsSentences sentences = new GoogleTtsSentences(client.synthesizeSpeechCallable(), unaryTemplate,
                pieces, delivery, options.voice());
        sentences.start();
        return sentences;
    }

    @Override
    public String name() {
        return "google";
    }

    /** Closes the gRPC channel; synthesis in flight fails. */
    @Override
    public void close() {
        client.close();
    }
}
