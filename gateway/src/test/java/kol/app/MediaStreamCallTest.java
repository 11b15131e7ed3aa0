package kol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kol.base.Settings;
import kol.tx.TxTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole calls over a real loopback WebSocket: message shapes, pacing, marks, clear, DTMF, stop, hang-up. */
class MediaStreamCallTest {
    private Gateway gateway;
    private RecordingApp app;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1", "TX_LOG", "false"));
        AtomicReference<RecordingApp> made = new AtomicReference<>();
        gateway = Gateway.start(Settings.of(env), (s, producers) -> {
            made.set(new RecordingApp(2000, producers));
            return made.get();
        }, TxTelemetry.NONE);
        app = made.get();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        logs.close();
    }

    private TwilioTestClient call(String callSid) throws Exception {
        return TwilioTestClient.connect(gateway.vertx(), gateway.port(), callSid, Map.of());
    }

    @Test
    void greetsAtRealTimeWithExactMessagesAndEndsWithTheGreetingMark() throws Exception {
        try (TwilioTestClient call = call("CAgreet1").start()) {
            await().atMost(Duration.ofSeconds(6)).until(() -> !call.received("mark").isEmpty());
            List<TwilioTestClient.Received> media = call.received("media");
            assertThat(media).hasSize(100); // 2 s of greeting
            for (TwilioTestClient.Received frame : media) {
                JsonNode message = frame.message();
                assertThat(fieldNames(message)).containsExactly("event", "streamSid", "media");
                assertThat(fieldNames(message.get("media"))).containsExactly("payload");
                assertThat(message.get("streamSid").asText()).isEqualTo(call.streamSid);
                assertThat(java.util.Base64.getDecoder().decode(message.get("media").get("payload").asText()))
                        .hasSize(160);
            }
            long spanMs = (media.get(99).atNs() - media.get(0).atNs()) / 1_000_000;
            assertThat(spanMs).as("100 frames paced at 20 ms").isBetween(1900L, 2100L);
            List<TwilioTestClient.Received> all = call.received();
            JsonNode last = all.get(all.size() - 1).message();
            assertThat(last.get("event").asText()).isEqualTo("mark");
            assertThat(fieldNames(last)).containsExactly("event", "streamSid", "mark");
            assertThat(last.get("mark").get("name").asText()).isEqualTo("greeting_end");
            await().atMost(Duration.ofSeconds(2)).until(() -> app.events.get("CAgreet1")
                    .contains("mark:greeting_end:PLAYED"));
            assertThat(logs.has("[TX] greeting_end played call=CAgreet1 delay=")).isTrue();
        }
    }

    @Test
    void rechunksInboundAudioIntoExactFramesAndCountsGaps() throws Exception {
        try (TwilioTestClient call = call("CAaudio1").start()) {
            call.sendMedia(new byte[100], 1, 0);
            call.sendMedia(new byte[100], 2, 12);
            call.sendMedia(new byte[120], 3, 25); // 320 bytes so far: two frames
            call.sendMedia(new byte[160], 6, 100); // chunks 4 and 5 and 60 ms went missing
            await().atMost(Duration.ofSeconds(2)).until(() -> app.audioFrames.get("CAaudio1").get() == 3);
            MediaStreamSessionProbe probe = MediaStreamSessionProbe.of(gateway, "CAaudio1");
            assertThat(probe.session().lostMessages()).isEqualTo(2);
            assertThat(probe.session().lostMs()).isEqualTo(60);
            assertThat(logs.has("Inbound audio gap on call=CAaudio1: 60 ms lost")).isTrue();
        }
    }

    @Test
    void dtmfReachesTheApplicationAndStopEndsTheCall() throws Exception {
        try (TwilioTestClient call = call("CAdtmf1").start()) {
            call.sendDtmf('5');
            call.sendStop();
            await().atMost(Duration.ofSeconds(2)).until(() -> app.events.get("CAdtmf1").contains("end:stop"));
            assertThat(app.events.get("CAdtmf1")).startsWith("dtmf:5");
            await().atMost(Duration.ofSeconds(2)).until(() -> gateway.server().activeCalls() == 0);
            assertThat(logs.has("[CALL] end call=CAdtmf1 reason=\"stop\"")).isTrue();
        }
    }

    @Test
    void aMessageInFragmentsIsPutTogether() throws Exception {
        try (TwilioTestClient call = call("CAfrag1").start()) {
            call.sendInFragments("{\"event\":\"dtmf\",\"streamSid\":\"" + call.streamSid()
                    + "\",\"sequenceNumber\":\"3\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"4\"}}", 3);
            await().atMost(Duration.ofSeconds(2)).until(() -> app.events.get("CAfrag1").contains("dtmf:4"));
        }
    }

    @Test
    void bargeInClearsAndMarksEchoedAfterTheClearCountAsCleared() throws Exception {
        try (TwilioTestClient call = call("CAclear1").start()) {
            call.echoMarks(false);
            await().atMost(Duration.ofSeconds(6)).until(() -> !call.received("mark").isEmpty());
            call.sendDtmf('8'); // the app speaks a sentence ending with mark "sentence"
            await().atMost(Duration.ofSeconds(3)).until(() -> call.received("mark").size() == 2);
            call.sendDtmf('9'); // barge-in: flush + clear
            await().atMost(Duration.ofSeconds(2)).until(() -> !call.received("clear").isEmpty());
            JsonNode clear = call.received("clear").get(0).message();
            assertThat(fieldNames(clear)).containsExactly("event", "streamSid");
            // Twilio answers a clear by echoing every pending mark at once.
            call.sendMarkEcho("greeting_end");
            call.sendMarkEcho("sentence");
            await().atMost(Duration.ofSeconds(2)).until(() -> app.events.get("CAclear1").size() >= 4);
            assertThat(app.events.get("CAclear1")).contains("mark:greeting_end:CLEARED", "mark:sentence:CLEARED");
            assertThat(logs.has("[TX] greeting_end cleared call=CAclear1")).isTrue();
        }
    }

    @Test
    void hangUpSendsQueuedAudioThenClosesTheStream() throws Exception {
        try (TwilioTestClient call = call("CAhang1").start()) {
            await().atMost(Duration.ofSeconds(2)).until(() -> call.received("media").size() >= 5);
            call.sendDtmf('0');
            await().atMost(Duration.ofSeconds(6)).until(call::isClosed);
            // What was queued when the hang-up came (at most the real-time lead) still went out, then the stream
            // closed: the greeting did not finish.
            assertThat(call.received("media").size()).isBetween(6, 40);
            await().atMost(Duration.ofSeconds(2)).until(() -> app.events.get("CAhang1").stream()
                    .anyMatch(e -> e.startsWith("end:")));
            assertThat(logs.has("[CALL] hang-up requested call=CAhang1")).isTrue();
        }
    }

    @Test
    void refusesAMediaFormatOtherThanMuLaw8kMonoAndClosesCleanly() throws Exception {
        try (TwilioTestClient call = call("CAformat1").start("audio/l16", 16000, 1)) {
            await().atMost(Duration.ofSeconds(2)).until(call::isClosed);
            assertThat(call.closeStatus()).isEqualTo((short) 1003);
            assertThat(logs.has("unsupported media format on call=CAformat1", "audio/l16")).isTrue();
            assertThat(app.sessions).doesNotContainKey("CAformat1");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static byte[] silence() {
        byte[] frame = new byte[160];
        Arrays.fill(frame, (byte) 0xFF);
        return frame;
    }

    static WebSocketClientOptions smallBuffers() {
        return new WebSocketClientOptions().setReceiveBufferSize(4096);
    }
}
