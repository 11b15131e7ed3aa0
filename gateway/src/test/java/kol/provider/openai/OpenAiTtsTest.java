package kol.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.ScriptedHttpServer;
import kol.provider.ScriptedHttpServer.Ending;
import kol.provider.ScriptedHttpServer.Part;
import kol.provider.ScriptedHttpServer.Response;
import kol.provider.tts.RecordingTtsListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production adapter, built from settings, against a local server speaking OpenAI's speech endpoint. */
class OpenAiTtsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int STALL_MS = 400;

    private ScriptedHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedHttpServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private OpenAiTts tts() {
        return OpenAiTts.fromSettings(Settings.of(Map.of("TTS_STALL_TIMEOUT_MS", Integer.toString(STALL_MS))),
                "sk-test", server.baseUrl() + "/v1");
    }

    @Test
    void postsTheInputAndStreamsPcmAsItArrivesInWholeSamples() throws Exception {
        byte[] a = ramp(0, 1001);
        byte[] b = ramp(3, 4999);
        server.response = Response.stream(Ending.COMPLETE, new Part(a, 0), new Part(b, 300));
        RecordingTtsListener heard = new RecordingTtsListener();

        OpenAiTts tts = tts();
        tts.synthesize("שלום, הגעתם למרפאה.", heard);

        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        assertThat(heard.ends()).as("first audio before the body ended").isZero();
        assertThat(heard.audio()).as("the odd byte waits for its sample's second half").hasSize(1000);
        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).isEqualTo(concat(a, b));
        ScriptedHttpServer.Request request = server.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/v1/audio/speech");
        assertThat(request.headers()).containsEntry("authorization", "Bearer sk-test");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-tts");
        assertThat(body.path("voice").asText()).isEqualTo("alloy");
        assertThat(body.path("input").asText()).isEqualTo("שלום, הגעתם למרפאה.");
        assertThat(body.path("response_format").asText()).isEqualTo("pcm");
        assertThat(tts.format()).isEqualTo(AudioFormat.pcm16(24_000));
        assertThat(heard.afterEnd()).isZero();
    }

    @Test
    void aRateLimitReachesOnErrorWithTheStatusAndOpenAisMessage() throws Exception {
        server.response = Response.error(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini-tts\","
                + "\"type\":\"requests\"}}");
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("HTTP 429").hasMessageContaining("Rate limit reached");
    }

    @Test
    void aStreamCutOffMidWayReachesOnErrorAfterItsAudio() throws Exception {
        server.response = Response.stream(Ending.CUT_OFF, new Part(ramp(0, 800), 0));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).hasSize(800);
        assertThat(heard.error()).hasMessageContaining("broke off after 800 bytes");
    }

    @Test
    void aStalledStreamFailsAfterTheStallTimeoutAndItsConnectionIsClosed() throws Exception {
        server.response = Response.stream(Ending.HANG, new Part(ramp(0, 800), 0));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("no audio for " + STALL_MS + " ms");
        assertThat(server.clientClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSlowFirstChunkWithinTheStallTimeoutIsStillDelivered() throws Exception {
        server.response = Response.stream(Ending.COMPLETE, new Part(ramp(0, 100), STALL_MS / 2),
                new Part(ramp(0, 100), STALL_MS / 2));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).hasSize(200);
    }

    @Test
    void cancelClosesTheConnectionAndStopsDeliveryAtOnce() throws Exception {
        server.response = Response.stream(Ending.HANG, new Part(ramp(0, 800), 0), new Part(ramp(0, 800), 300));
        RecordingTtsListener heard = new RecordingTtsListener();

        Cancellable synthesis = tts().synthesize("שלום.", heard);
        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        synthesis.cancel();
        int chunksAtCancel = heard.chunks();

        assertThat(server.clientClosed.await(5, TimeUnit.SECONDS)).as("the server saw the connection close").isTrue();
        assertThat(heard.chunks()).isEqualTo(chunksAtCancel);
        assertThat(heard.audio()).hasSizeLessThanOrEqualTo(800);
        assertThat(heard.ends()).as("a cancelled synthesis ends silently").isZero();
    }

    @Test
    void refusesToStartWithoutAKeyOrWithABadBaseUrl() {
        Settings settings = Settings.of(Map.of());

        assertThatThrownBy(() -> OpenAiTts.fromSettings(settings, "", "https://api.openai.com/v1"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> OpenAiTts.fromSettings(settings, "sk", "api.openai.com"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("OPENAI_BASE_URL");
        assertThat(OpenAiTts.fromSettings(settings, "sk-secret", "https://api.openai.com/v1/").options())
                .hasToString("OpenAiTtsOptions[https://api.openai.com/v1, model gpt-4o-mini-tts, voice alloy]");
    }

    private static byte[] ramp(int first, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
