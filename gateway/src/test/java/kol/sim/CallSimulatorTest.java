package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kol.audio.Wav;
import kol.carrier.twilio.TwilioSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole calls against a fake Twilio-speaking server: what the simulator sends, and what it measures. */
class CallSimulatorTest {
    private static final long MS = 1_000_000L;
    private static Vertx vertx;

    private FakeTwilioServer server;
    private CallSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void startServer() {
        server = new FakeTwilioServer(vertx);
        simulator = new CallSimulator(vertx);
    }

    @AfterEach
    void stopServer() {
        simulator.close();
        server.close();
    }

    private SimOptions.Builder call(long durationMs) {
        return SimOptions.builder().streamUrl(server.streamUrl()).duration(Duration.ofMillis(durationMs));
    }

    private CallReport run(SimOptions options) throws Exception {
        return simulator.run(options).get(20, TimeUnit.SECONDS);
    }

    @Test
    void sendsTwilioShapedMessagesOnATwentyMillisecondSchedule() throws Exception {
        byte[] speech = new byte[800];
        Arrays.fill(speech, (byte) 0x20);

        CallReport report = run(call(1_000).callerAudio(speech).dtmf(DtmfPress.parse("5@0.5")).build());

        await().atMost(Duration.ofSeconds(2)).until(() -> !server.received("stop").isEmpty());
        List<FakeTwilioServer.Received> all = server.received();
        assertThat(all).extracting(FakeTwilioServer.Received::event).startsWith("connected", "start").endsWith("stop");
        assertThat(all.get(0).json().fieldNames()).containsExactlyInAnyOrder("event", "protocol", "version");

        JsonObject start = all.get(1).json();
        assertThat(start.getValue("sequenceNumber")).isEqualTo("1");
        assertThat(start.getString("streamSid")).isEqualTo(report.streamSid())
                .isEqualTo(start.getJsonObject("start").getString("streamSid"));
        assertThat(start.getJsonObject("start").getString("callSid")).isEqualTo(report.callSid());
        assertThat(start.getJsonObject("start").getJsonObject("customParameters").getMap())
                .containsOnlyKeys("From", "To");
        assertThat(server.upgradeHeaders().contains("X-Twilio-Signature")).isFalse();

        // Every message after connected carries the next sequence number, as a string.
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).json().getValue("sequenceNumber")).isEqualTo(String.valueOf(i));
        }

        List<FakeTwilioServer.Received> media = server.received("media");
        assertThat(media).hasSize(50);
        for (int i = 0; i < media.size(); i++) {
            JsonObject body = media.get(i).json().getJsonObject("media");
            assertThat(body.getString("chunk")).isEqualTo(String.valueOf(i + 1));
            assertThat(body.getString("timestamp")).isEqualTo(String.valueOf(20 * i));
            assertThat(body.getString("track")).isEqualTo("inbound");
            byte[] payload = Base64.getDecoder().decode(body.getString("payload"));
            assertThat(payload).hasSize(160).containsOnly(i < 5 ? (byte) 0x20 : (byte) 0xFF);
        }
        long spanMs = (media.get(49).atNs() - media.get(0).atNs()) / MS;
        assertThat(spanMs).isBetween(940L, 1_040L);
        for (int i = 1; i < media.size(); i++) {
            assertThat(media.get(i).atNs() - media.get(i - 1).atNs()).isLessThan(60 * MS);
        }

        JsonObject dtmf = server.received("dtmf").get(0).json();
        assertThat(dtmf.getJsonObject("dtmf").getMap()).containsEntry("track", "inbound_track")
                .containsEntry("digit", "5");
        int dtmfAt = all.indexOf(server.received("dtmf").get(0));
        assertThat(all.get(dtmfAt + 1).json().getJsonObject("media").getString("timestamp")).isEqualTo("500");

        JsonObject stop = server.received("stop").get(0).json();
        assertThat(stop.getJsonObject("stop").getString("callSid")).isEqualTo(report.callSid());
        assertThat(report.outcome()).isEqualTo(CallReport.Outcome.COMPLETED);
        assertThat(report.framesSent()).isEqualTo(50);
        assertThat(report.dtmfSent()).isEqualTo(1);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void pacedServerAudioKeepsThePlayoutBufferShallow() throws Exception {
        server.onStart(stream -> stream.paced(115, 0x10, () -> { }));

        CallReport report = run(call(2_500).build());

        assertThat(report.framesReceived()).isEqualTo(115);
        assertThat(report.playoutMaxMs()).isLessThanOrEqualTo(100);
        assertThat(report.underruns()).isZero();
        assertThat(report.speechSecondFps()).isNotEmpty().allSatisfy(fps -> assertThat(fps).isBetween(48, 52));
        // Jitter itself is pinned down in ArrivalStatsTest; here the test machine's scheduling would decide it.
        assertThat(report.jitterP99Ms()).isNotNaN();
        assertThat(report.firstAudioMs()).isBetween(0L, 200L);
    }

    @Test
    void aBurstOfTenSecondsShowsAsTenSecondsOfHiddenLag() throws Exception {
        server.onStart(stream -> stream.burst(500, 0x10));

        CallReport report = run(call(1_000).build());

        assertThat(report.framesReceived()).isEqualTo(500);
        assertThat(report.playoutMaxMs()).isBetween(9_900L, 10_100L);
        assertThat(report.speechSecondFps()).isEmpty();
    }

    @Test
    void echoesAMarkOnlyOnceTheAudioBeforeItHasPlayed() throws Exception {
        server.onStart(stream -> stream.burst(25, 0x10).mark("reply_end"));

        CallReport report = run(call(1_500).build());

        List<FakeTwilioServer.Received> echoes = server.received("mark");
        assertThat(echoes).hasSize(1);
        assertThat(echoes.get(0).json().getJsonObject("mark").getString("name")).isEqualTo("reply_end");
        // 500 ms of audio behind the mark, plus the 20 ms jitter buffer before playout starts.
        long delayMs = (echoes.get(0).atNs() - server.markSentNs().get(0)) / MS;
        assertThat(delayMs).isBetween(510L, 650L);
        assertThat(report.marks()).singleElement().satisfies(mark -> {
            assertThat(mark.cleared()).isFalse();
            assertThat(mark.delayMs()).isBetween(510L, 600L);
        });
    }

    @Test
    void clearReleasesPendingMarksAtOnceAndAnIdleMarkComesBackImmediately() throws Exception {
        AtomicLong clearSentNs = new AtomicLong();
        server.onStart(stream -> {
            stream.burst(50, 0x10).mark("before_clear");
            stream.later(200, () -> {
                clearSentNs.set(System.nanoTime());
                stream.clear();
                stream.later(100, () -> stream.mark("idle"));
            });
        });

        CallReport report = run(call(1_000).build());

        List<FakeTwilioServer.Received> echoes = server.received("mark");
        assertThat(echoes).extracting(e -> e.json().getJsonObject("mark").getString("name"))
                .containsExactly("before_clear", "idle");
        assertThat((echoes.get(0).atNs() - clearSentNs.get()) / MS).isLessThan(100);
        assertThat((echoes.get(1).atNs() - server.markSentNs().get(1)) / MS).isLessThan(100);
        assertThat(report.clears()).isEqualTo(1);
        assertThat(report.marks()).extracting(MarkEcho::name, MarkEcho::cleared)
                .containsExactly(tuple("before_clear", true),
                        tuple("idle", false));
        assertThat(report.playoutMaxMs()).isBetween(1_000L, 1_100L);
    }

    @Test
    void countsEveryMessageTwilioWouldReject() throws Exception {
        server.onStart(stream -> {
            String sid = stream.streamSid();
            stream.binary(160)
                    .text("{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"track\":\"outbound\","
                            + "\"media\":{\"payload\":\"/w==\"}}")
                    .text("{\"event\":\"media\",\"streamSid\":\"MZwrong\",\"media\":{\"payload\":\"/w==\"}}")
                    .text("{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"media\":{\"payload\":\"@@@\"}}")
                    .text(stream.media(0x10))
                    .textInTwoFragments(stream.media(0x10));
        });

        CallReport report = run(call(600).build());

        assertThat(report.invalidMessages()).isEqualTo(4);
        assertThat(report.invalidReasons()).hasSize(4);
        assertThat(report.invalidReasons().get(0)).startsWith("binary frame");
        assertThat(report.invalidReasons().get(1)).isEqualTo("media: extra field \"track\"");
        assertThat(report.invalidReasons().get(2)).startsWith("media: streamSid \"MZwrong\" is not this stream's");
        assertThat(report.invalidReasons().get(3)).startsWith("media: payload is not base64");
        assertThat(report.framesReceived()).as("one whole, one in fragments").isEqualTo(2);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void signsTheWebhookAndTheUpgradeLikeTwilio() throws Exception {
        TwilioSignature signature = new TwilioSignature("test-token");

        CallReport report = run(SimOptions.builder().webhookUrl(server.webhookUrl()).authToken("test-token")
                .from("+972541112222").duration(Duration.ofMillis(300)).build());

        Map<String, String> form = server.webhookForm();
        assertThat(form).containsEntry("CallSid", report.callSid()).containsEntry("From", "+972541112222")
                .containsEntry("CallStatus", "ringing").containsEntry("Direction", "inbound")
                .containsEntry("ApiVersion", "2010-04-01").containsKeys("AccountSid", "To");
        assertThat(signature.isValid(server.webhookUrl(), form,
                server.webhookHeaders().get("X-Twilio-Signature"))).isTrue();
        assertThat(signature.isValid(server.streamUrl(), Map.of(),
                server.upgradeHeaders().get("X-Twilio-Signature"))).isTrue();
        JsonObject start = server.received("start").get(0).json().getJsonObject("start");
        assertThat(start.getJsonObject("customParameters").getMap())
                .isEqualTo(Map.of("From", "+972541112222", "flow", "demo"));
        assertThat(start.getString("accountSid")).isEqualTo(form.get("AccountSid"));
        assertThat(report.ok()).isTrue();
    }

    @Test
    void recordsWhatEachSideHeard() throws Exception {
        byte[] speech = new byte[4_000];
        Arrays.fill(speech, (byte) 0x20);
        Path bot = dir.resolve("bot.wav");
        Path caller = dir.resolve("caller.wav");
        server.onStart(stream -> stream.burst(25, 0x10));

        CallReport report = run(call(1_000).callerAudio(speech).recordBot(bot).recordCaller(caller).build());

        byte[] sent = Wav.read(caller).data();
        assertThat(sent).hasSize(8_000);
        assertThat(Arrays.copyOfRange(sent, 0, 4_000)).containsOnly((byte) 0x20);
        assertThat(Arrays.copyOfRange(sent, 4_000, 8_000)).containsOnly((byte) 0xFF);

        byte[] heard = Wav.read(bot).data();
        assertThat(heard.length).isBetween(7_900, 8_400);
        int firstAudio = 0;
        while (heard[firstAudio] != 0x10) {
            firstAudio++;
        }
        // Playout starts 20 ms (160 samples) after the first audio arrived; all 500 ms of it played.
        assertThat((long) firstAudio).isBetween((report.firstAudioMs() + 20) * 8 - 16,
                (report.firstAudioMs() + 20) * 8 + 40);
        assertThat(Arrays.copyOfRange(heard, firstAudio, firstAudio + 4_000)).containsOnly((byte) 0x10);
        assertThat(Arrays.copyOfRange(heard, 0, firstAudio)).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(heard, firstAudio + 4_000, heard.length)).containsOnly((byte) 0xFF);
    }

    @Test
    void aServerThatHangsUpEarlyDropsTheCall() throws Exception {
        server.onStart(stream -> stream.later(300, stream::close));

        CallReport report = run(call(3_000).build());

        assertThat(report.outcome()).isEqualTo(CallReport.Outcome.DROPPED);
        assertThat(report.failure()).startsWith("the server closed the stream after 0.")
                .endsWith("(status 1011, bot crashed)");
        assertThat(report.ok()).isFalse();
    }

    @Test
    void saysClearlyWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port + "/twilio/media";

        CallReport report = run(SimOptions.builder().streamUrl(url).duration(Duration.ofSeconds(1)).build());

        assertThat(report.outcome()).isEqualTo(CallReport.Outcome.CONNECT_FAILED);
        assertThat(report.failure()).isEqualTo("cannot connect to " + url
                + ": Connection refused — is `./kol serve` running?");
    }

    @Test
    void givesUpOnAServerThatNeverAnswersTheUpgrade() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            String url = "ws://127.0.0.1:" + silent.getLocalPort() + "/twilio/media";

            CallReport report = run(SimOptions.builder().streamUrl(url).connectTimeout(Duration.ofMillis(300))
                    .build());

            assertThat(report.outcome()).isEqualTo(CallReport.Outcome.CONNECT_FAILED);
            assertThat(report.failure()).isEqualTo("cannot connect to " + url
                    + ": no answer to the WebSocket upgrade within 300 ms");
        }
    }

    @Test
    void runsConcurrentCallsOnSharedEventLoopsAndAggregatesThem() throws Exception {
        server.onStart(stream -> stream.paced(20, 0x10, () -> stream.mark("done")));
        LiveStats live = new LiveStats();

        LoadReport report = simulator.runMany(call(600).build(), 4, Duration.ofMillis(200), live)
                .get(20, TimeUnit.SECONDS);

        assertThat(report.calls()).hasSize(4);
        assertThat(report.connected()).isEqualTo(4);
        assertThat(report.ok()).isTrue();
        assertThat(report.calls()).extracting(CallReport::callSid).doesNotHaveDuplicates();
        assertThat(report.marks()).isEqualTo(4);
        assertThat(server.received("start")).hasSize(4);
        LiveSecond second = live.sample();
        assertThat(second.connected()).isEqualTo(4);
        assertThat(second.ended()).isEqualTo(4);
        assertThat(second.marks()).isEqualTo(4);
    }

    @Test
    void recordingNeedsASingleCall() {
        SimOptions options = call(600).recordBot(dir.resolve("x.wav")).build();

        assertThatThrownBy(() -> simulator.runMany(options, 2, Duration.ZERO,
                new LiveStats())).hasMessageContaining("single call");
    }
}
