package kol.provider.google;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.ChannelPoolSettings;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.speech.v1.SpeechClient;
import com.google.cloud.speech.v1.SpeechSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kol.base.RateLimitedLog;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.carrier.CallInfo;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Cloud Speech-to-Text (v1 {@code StreamingRecognize} over gRPC, the official Java client): caller audio sent
 * as it comes, 8 kHz μ-law as is ({@code MULAW}; Google says not to resample telephone audio), interim results on.
 * One client, and its pool of connections, serves every call; each call gets a {@link GoogleSttStream}.
 *
 * <p>Credentials come the standard Google way (Application Default Credentials: {@code GOOGLE_APPLICATION_CREDENTIALS}
 * or gcloud's); with a plaintext endpoint (a local server) none are used. Thread-safe.
 */
public final class GoogleStt implements SpeechToText, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleStt.class);

    private final SpeechClient client;
    private final GoogleSttConfig config;
    /** Shared by every call: an outage hits them all, and should cost a line every few seconds, not one per call. */
    private final RateLimitedLog warnings = new RateLimitedLog(LOG, 5, TimeUnit.SECONDS);

    private GoogleStt(SpeechClient client, GoogleSttConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The recogniser the settings describe; a client that cannot start stops start-up with what to fix. */
    public static GoogleStt fromSettings(Settings settings) {
        return create(GoogleSttConfig.from(settings));
    }

    public static GoogleStt create(GoogleSttConfig config) {
        // gRPC runs at most 100 concurrent streams on one connection, and Google advises fewer than 50 (gax
        // ChannelPoolSettings); every call holds a stream for its whole length, so the pool is sized for the calls.
        InstantiatingGrpcChannelProvider.Builder transport = SpeechSettings.defaultGrpcTransportProviderBuilder()
                .setChannelPoolSettings(ChannelPoolSettings.staticallySized(config.channels()));
        SpeechSettings.Builder settings = SpeechSettings.newBuilder();
        if (!config.endpoint().isEmpty()) {
            settings.setEndpoint(config.endpoint());
        }
        if (config.plaintext()) {
            transport.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
            settings.setCredentialsProvider(NoCredentialsProvider.create());
        }
        settings.setTransportChannelProvider(transport.build());
        try {
            SpeechClient client = SpeechClient.create(settings.build());
            LOG.info("Google Speech-to-Text: language {} (sent as {}), model {}{}, endpoint {}{}, {} connection(s)",
                    config.language(), config.languageCode(), config.model(), config.enhanced() ? " enhanced" : "",
                    config.endpoint().isEmpty() ? SpeechSettings.getDefaultEndpoint() : config.endpoint(),
                    config.plaintext() ? " (plaintext, no credentials)" : "", config.channels());
            return new GoogleStt(client, config);
        } catch (IOException e) {
            throw new SettingsException("STT_PROVIDER=google could not start the Google Speech-to-Text client: "
                    + e.getMessage() + " Set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run "
                    + "`gcloud auth application-default login` (a local test server: GCP_STT_ENDPOINT=host:port with "
                    + "GCP_STT_PLAINTEXT=true).");
        }
    }

    @Override
    public GoogleSttStream open(CallInfo call, SttListener listener) {
        SpeechBackoff backoff = new SpeechBackoff(bound -> ThreadLocalRandom.current().nextInt(bound));
        return new GoogleSttStream(client.streamingRecognizeCallable(), config, call.callId(), listener, warnings,
                backoff);
    }

    @Override
    public boolean recognisesWords() {
        return true;
    }

    @Override
    public String name() {
        return "google";
    }

    public GoogleSttConfig config() {
        return config;
    }

    /** Closes the client and its connections; streams still open end with an error. */
    @Override
    public void close() {
        client.shutdown();
        try {
            if (!client.awaitTermination(2, TimeUnit.SECONDS)) {
                client.shutdownNow();
            }
        } catch (InterruptedException e) {
            client.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
