package kol.provider.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;
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

/** The production adapter, built from settings, against a local server speaking ElevenLabs' streaming endpoint. */
class ElevenLabsTtsTest {

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

    private ElevenLabsTts tts(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("ELEVENLABS_BASE_URL", server.baseUrl(),
                "ELEVENLABS_API_KEY", "sk-test", "ELEVENLABS_VOICE_ID", "voice123",
                "TTS_STALL_TIMEOUT_MS", Integer.toString(STALL_MS)));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return ElevenLabsTts.fromSettings(Settings.of(env));
    }

    @Test
    void postsTheTextToTheStreamingEndpointAndStreamsTheBodyAsItArrives() throws Exception {
        byte[] a = ramp(0, 1000);
        byte[] b = ramp(9, 5000);
        server.response = Response.stream(Ending.COMPLETE, new Part(a, 0), new Part(b, 300));
        RecordingTtsListener heard = new RecordingTtsListener();

        ElevenLabsTts tts = tts();
        tts.synthesize("שלום, הגעתם למרפאה.", heard);

        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        assertThat(heard.ends()).as("first audio before the body ended").isZero();
        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).isEqualTo(concat(a, b));
        ScriptedHttpServer.Request request = server.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/v1/text-to-speech/voice123/stream?output_format=ulaw_8000");
        assertThat(request.headers()).containsEntry("xi-api-key", "sk-test");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("text").asText()).isEqualTo("שלום, הגעתם למרפאה.");
        assertThat(body.path("model_id").asText()).isEqualTo("eleven_v3");
        assertThat(body.path("language_code").asText()).isEqualTo("he");
        assertThat(tts.format()).isEqualTo(AudioFormat.MULAW_8K);
        assertThat(heard.afterEnd()).isZero();
    }

    @Test
    void dropsAWavHeaderThatArrivesSplitOverSeveralReads() throws Exception {
        byte[] samples = ramp(5, 700);
        byte[] wav = mulawWav(samples);
        server.response = Response.stream(Ending.COMPLETE, new Part(java.util.Arrays.copyOfRange(wav, 0, 7), 0),
                new Part(java.util.Arrays.copyOfRange(wav, 7, 50), 50),
                new Part(java.util.Arrays.copyOfRange(wav, 50, wav.length), 50));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).isEqualTo(samples);
    }

    @Test
    void aRateLimitReachesOnErrorWithTheStatusAndElevenLabsMessage() throws Exception {
        server.response = Response.error(429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\","
                + "\"message\":\"Too many concurrent requests\"}}");
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("HTTP 429").hasMessageContaining("Too many concurrent requests");
        assertThat(heard.audio()).isEmpty();
    }

    @Test
    void aServerErrorReachesOnErrorWithItsStatus() throws Exception {
        server.response = Response.error(503, "{\"detail\":\"busy\"}");
        RecordingTtsListener heard = new RecordingTtsListener();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("HTTP 503: busy");
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
        long startNs = System.nanoTime();

        tts().synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).isBetween((long) STALL_MS,
                STALL_MS + 2000L);
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
    void anUnreachableServerReachesOnError() throws Exception {
        String base = server.baseUrl();
        server.close();
        RecordingTtsListener heard = new RecordingTtsListener();

        tts("ELEVENLABS_BASE_URL", base).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("cannot connect to ElevenLabs at " + base);
    }

    @Test
    void sendsNoLanguageCodeToAModelThatRefusesIt() throws Exception {
        RecordingTtsListener heard = new RecordingTtsListener();

        tts("ELEVENLABS_MODEL", "eleven_multilingual_v2", "LANGUAGE", "en-US").synthesize("Hello.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(new ObjectMapper().readTree(server.requests.get(0).body()).has("language_code")).isFalse();
    }

    static byte[] ramp(int first, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    /** 8 kHz μ-law with an 18-byte fmt and a LIST chunk, as a streaming writer would write it (sizes unknown). */
    static byte[] mulawWav(byte[] samples) {
        ByteBuffer head = ByteBuffer.allocate(12 + 8 + 18 + 8 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(-1).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        head.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(18).putShort((short) 7).putShort((short) 1)
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8).putShort((short) 0);
        head.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4).put("INFO".getBytes(StandardCharsets.US_ASCII));
        head.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(-1);
        return concat(head.array(), samples);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
