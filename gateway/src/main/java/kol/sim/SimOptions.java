package kol.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to place one simulated call. Build with {@link #builder()}; every field has a default.
 *
 * @param streamUrl the Media Stream WebSocket URL, used when there is no webhook
 * @param webhookUrl the voice webhook to POST first, whose TwiML names the stream; null to connect directly
 * @param authToken Twilio auth token to sign the webhook and the upgrade with; null to send no signature
 * @param callerAudio what the caller says, 8 kHz μ-law; silence follows it to the end of the call
 * @param dtmf keys the caller presses, in time order
 * @param duration how long the stream runs before the caller hangs up
 * @param from the caller's number (webhook {@code From}, and a custom parameter without webhook)
 * @param to the number called
 * @param jitterBufferMs how long the caller's playout waits after a talk spurt's first audio before playing it
 * @param connectTimeout for the webhook and the WebSocket connection each
 * @param recordBot where to write the bot's audio as the caller heard it (μ-law WAV); null for none
 * @param recordCaller where to write what the caller sent (μ-law WAV); null for none
 */
public record SimOptions(String streamUrl, String webhookUrl, String authToken, byte[] callerAudio,
        List<DtmfPress> dtmf, Duration duration, String from, String to, int jitterBufferMs, Duration connectTimeout,
        Path recordBot, Path recordCaller) {

    public static final String DEFAULT_STREAM_URL = "ws://127.0.0.1:8080/twilio/media";

    public SimOptions {
        dtmf = dtmf.stream().sorted(Comparator.comparingLong(DtmfPress::atMs)).toList();
        if (duration.toMillis() < 20) {
            throw new IllegalArgumentException("a call lasts at least one 20 ms frame, was " + duration);
        }
        if (jitterBufferMs < 0) {
            throw new IllegalArgumentException("jitter buffer must not be negative, was " + jitterBufferMs + " ms");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The custom parameters a direct connection (no webhook, so no TwiML) sends in {@code start}. */
    public Map<String, String> directParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", from);
        parameters.put("To", to);
        return parameters;
    }

    /** Builder for {@link SimOptions}. */
    public static final class Builder {
        private String streamUrl = DEFAULT_STREAM_URL;
        private String webhookUrl;
        private String authToken;
        private byte[] callerAudio = new byte[0];
        private final List<DtmfPress> dtmf = new ArrayList<>();
        private Duration duration = Duration.ofSeconds(20);
        private String from = "+972501234567";
        private String to = "+97233760000";
        private int jitterBufferMs = 20;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Path recordBot;
        private Path recordCaller;

        private Builder() {
        }

        public Builder streamUrl(String url) {
            this.streamUrl = url;
            return this;
        }

        public Builder webhookUrl(String url) {
            this.webhookUrl = url;
            return this;
        }

        public Builder authToken(String token) {
            this.authToken = token == null || token.isEmpty() ? null : token;
            return this;
        }

        public Builder callerAudio(byte[] muLaw) {
            this.callerAudio = muLaw.clone();
            return this;
        }

        public Builder dtmf(DtmfPress press) {
            this.dtmf.add(press);
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder from(String number) {
            this.from = number;
            return this;
        }

        public Builder to(String number) {
            this.to = number;
            return this;
        }

        public Builder jitterBufferMs(int ms) {
            this.jitterBufferMs = ms;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder recordBot(Path wav) {
            this.recordBot = wav;
            return this;
        }

        public Builder recordCaller(Path wav) {
            this.recordCaller = wav;
            return this;
        }

        public SimOptions build() {
            return new SimOptions(streamUrl, webhookUrl, authToken, callerAudio, dtmf, duration, from, to,
                    jitterBufferMs, connectTimeout, recordBot, recordCaller);
        }
    }
}
