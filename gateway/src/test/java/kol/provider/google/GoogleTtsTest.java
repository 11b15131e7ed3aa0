package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.texttospeech.v1.AudioEncoding;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeRequest;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechRequest;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.RecordingTtsListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production adapter, built from settings, against a local server speaking the Text-to-Speech gRPC service. */
class GoogleTtsTest {

    private static final String WAVENET = "he-IL-Wavenet-A";
    private static final String CHIRP = "he-IL-Chirp3-HD-Aoede";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int STALL_MS = 400;

    private FakeGoogleTtsServer server;
    private GoogleTts tts;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeGoogleTtsServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (tts != null) {
            tts.close();
        }
        server.close();
    }

    private GoogleTts tts(String voice, String... more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("GCP_TTS_ENDPOINT", server.endpoint(), "GCP_TTS_VOICE", voice,
                "TTS_STALL_TIMEOUT_MS", Integer.toString(STALL_MS)));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        tts = GoogleTts.fromSettings(Settings.of(env));
        return tts;
    }

    @Test
    void speaksAWavenetVoiceSentenceBySentenceAsMulawWithTheWavHeaderWalkedOff() throws Exception {
        byte[] first = MulawWavBytes.ramp(0, 3000);
        byte[] second = MulawWavBytes.ramp(50, 5001);
        server.unary = request -> FakeGoogleTtsServer.Answer.wav(MulawWavBytes.withListChunk(
                request.getInput().getText().startsWith("שלום") ? first : second));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(WAVENET, "GCP_TTS_SPEAKING_RATE", "1.25").synthesize("שלום, הגעתם למרפאה. במה אפשר לעזור?", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).isEqualTo(concat(first, second));
        assertThat(server.unaryRequests).extracting(r -> r.getInput().getText())
                .containsExactly("שלום, הגעתם למרפאה.", "במה אפשר לעזור?");
        SynthesizeSpeechRequest request = server.unaryRequests.get(0);
        assertThat(request.getVoice().getName()).isEqualTo(WAVENET);
        assertThat(request.getVoice().getLanguageCode()).isEqualTo("he-IL");
        assertThat(request.getAudioConfig().getAudioEncoding()).isEqualTo(AudioEncoding.MULAW);
        assertThat(request.getAudioConfig().getSampleRateHertz()).isEqualTo(8000);
        assertThat(request.getAudioConfig().getSpeakingRate()).isEqualTo(1.25);
        assertThat(tts.format()).isEqualTo(AudioFormat.MULAW_8K);
        assertThat(heard.afterEnd()).isZero();
    }

    @Test
    void streamsAChirp3HdVoiceConfigFirstThenTextAndDeliversChunksAsTheyCome() throws Exception {
        byte[] a = MulawWavBytes.ramp(0, 800);
        byte[] b = MulawWavBytes.ramp(7, 1600);
        byte[] c = MulawWavBytes.ramp(9, 160);
        server.streaming = FakeGoogleTtsServer.Script.of(new FakeGoogleTtsServer.Chunk(a, 0),
                new FakeGoogleTtsServer.Chunk(b, 300), new FakeGoogleTtsServer.Chunk(c, 10));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(CHIRP).synthesize("שלום. מה שלומך?", heard);

        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        assertThat(server.streamCompleted.getCount()).as("first audio before the stream ended").isEqualTo(1);
        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).isEqualTo(concat(a, b, c));
        assertThat(server.streamingRequests).hasSize(3);
        StreamingSynthesizeRequest config = server.streamingRequests.get(0);
        assertThat(config.hasStreamingConfig()).isTrue();
        assertThat(config.getStreamingConfig().getVoice().getName()).isEqualTo(CHIRP);
        assertThat(config.getStreamingConfig().getStreamingAudioConfig().getAudioEncoding())
                .isEqualTo(AudioEncoding.MULAW);
        assertThat(config.getStreamingConfig().getStreamingAudioConfig().getSampleRateHertz()).isEqualTo(8000);
        assertThat(server.streamingRequests.subList(1, 3)).extracting(r -> r.getInput().getText())
                .containsExactly("שלום.", "מה שלומך?");
        assertThat(server.unaryRequests).isEmpty();
    }

    @Test
    void dropsAWavHeaderAtTheStartOfAStream() throws Exception {
        byte[] samples = MulawWavBytes.ramp(3, 400);
        byte[] more = MulawWavBytes.ramp(4, 400);
        server.streaming = FakeGoogleTtsServer.Script.of(
                new FakeGoogleTtsServer.Chunk(MulawWavBytes.withListChunk(samples), 0),
                new FakeGoogleTtsServer.Chunk(more, 0));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(CHIRP).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).isEqualTo(concat(samples, more));
    }

    @Test
    void anUnavailableServiceReachesOnErrorWithTheStatus() throws Exception {
        server.unary = request -> FakeGoogleTtsServer.Answer.failure(Status.UNAVAILABLE.withDescription("maintenance"));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(WAVENET).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).hasMessageContaining("UNAVAILABLE").hasMessageContaining(WAVENET);
        assertThat(server.unaryRequests).as("not retried").hasSize(1);
    }

    @Test
    void aStreamThatFailsMidWayReachesOnErrorAfterItsAudio() throws Exception {
        server.streaming = new FakeGoogleTtsServer.Script(
                java.util.List.of(new FakeGoogleTtsServer.Chunk(MulawWavBytes.ramp(0, 100), 0)),
                Status.INTERNAL.withDescription("boom"), false);
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(CHIRP).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).hasSize(100);
        assertThat(heard.error()).hasMessageContaining("INTERNAL");
    }

    @Test
    void aServiceThatNeverAnswersFailsAfterTheStallTimeoutAndTheCallIsCancelled() throws Exception {
        server.unary = request -> FakeGoogleTtsServer.Answer.never();
        RecordingTtsListener heard = new RecordingTtsListener();
        long startNs = System.nanoTime();

        tts(WAVENET).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        assertThat(heard.error()).hasMessageContaining("no audio for " + STALL_MS + " ms");
        assertThat(tookMs).isBetween((long) STALL_MS, STALL_MS + 2000L);
        assertThat(server.cancelled.await(5, TimeUnit.SECONDS)).as("the server saw the cancel").isTrue();
    }

    @Test
    void aStreamThatStallsAfterItsFirstChunkFailsAfterTheStallTimeout() throws Exception {
        server.streaming = new FakeGoogleTtsServer.Script(
                java.util.List.of(new FakeGoogleTtsServer.Chunk(MulawWavBytes.ramp(0, 100), 0)), null, true);
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(CHIRP).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).hasSize(100);
        assertThat(heard.error()).hasMessageContaining("no audio for");
        assertThat(server.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSlowFirstChunkWithinTheStallTimeoutIsStillDelivered() throws Exception {
        // A first synthesis connects the channel, so the slow one measures the server's delay, not the JVM's warm-up.
        RecordingTtsListener warmUp = new RecordingTtsListener();
        tts(CHIRP).synthesize("שלום.", warmUp);
        assertThat(warmUp.awaitEnd(WAIT)).isTrue();
        server.streaming = FakeGoogleTtsServer.Script.of(
                new FakeGoogleTtsServer.Chunk(MulawWavBytes.ramp(0, 100), STALL_MS / 2),
                new FakeGoogleTtsServer.Chunk(MulawWavBytes.ramp(0, 100), STALL_MS / 2));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts.synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.error()).isNull();
        assertThat(heard.audio()).hasSize(200);
    }

    @Test
    void cancelStopsDeliveryAtOnceAndCancelsTheCall() throws Exception {
        server.streaming = FakeGoogleTtsServer.Script.of(new FakeGoogleTtsServer.Chunk(new byte[100], 0),
                new FakeGoogleTtsServer.Chunk(new byte[100], 150), new FakeGoogleTtsServer.Chunk(new byte[100], 150));
        RecordingTtsListener heard = new RecordingTtsListener();

        Cancellable synthesis = tts(CHIRP).synthesize("שלום.", heard);
        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        synthesis.cancel();
        int chunksAtCancel = heard.chunks();

        assertThat(server.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(400);
        assertThat(heard.chunks()).isEqualTo(chunksAtCancel);
        assertThat(heard.ends()).as("a cancelled synthesis ends silently").isZero();
    }

    @Test
    void blankTextEndsWithDoneAndSendsNothing() throws Exception {
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(WAVENET).synthesize("  \n ", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.done()).isTrue();
        assertThat(heard.audio()).isEmpty();
        assertThat(server.unaryRequests).isEmpty();
    }

    @Test
    void answersThatAreNot8kMulawAreRefusedWithWhatWasFound() throws Exception {
        server.unary = request -> FakeGoogleTtsServer.Answer.wav(MulawWavBytes.wav(
                MulawWavBytes.fmt(1, 1, 24_000, 16, 16), null, new byte[480]));
        RecordingTtsListener heard = new RecordingTtsListener();

        tts(WAVENET).synthesize("שלום.", heard);

        assertThat(heard.awaitEnd(WAIT)).isTrue();
        assertThat(heard.audio()).isEmpty();
        assertThat(heard.error()).hasMessageContaining("24000 Hz").hasMessageContaining("expected 8 kHz mono μ-law");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
