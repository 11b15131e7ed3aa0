package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerMessagesTest {
    private final CallerMessages messages = new CallerMessages("ACa", "CAb", "MZc");

    @Test
    void connectedHasNoStreamSidOrSequence() {
        assertThat(new JsonObject(CallerMessages.connected())).isEqualTo(new JsonObject()
                .put("event", "connected").put("protocol", "Call").put("version", "1.0.0"));
    }

    @Test
    void startIsSequenceOneWithTheDocumentedShape() {
        JsonObject start = new JsonObject(messages.start(Map.of("From", "+972501234567")));

        assertThat(start.fieldNames()).containsExactly("event", "sequenceNumber", "start", "streamSid");
        assertThat(start.getValue("sequenceNumber")).isEqualTo("1");
        assertThat(start.getJsonObject("start")).isEqualTo(new JsonObject("{\"accountSid\":\"ACa\","
                + "\"streamSid\":\"MZc\",\"callSid\":\"CAb\",\"tracks\":[\"inbound\"],\"mediaFormat\":"
                + "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
                + "\"customParameters\":{\"From\":\"+972501234567\"}}"));
    }

    @Test
    void mediaCarriesStringCountersThatAdvanceWithEveryMessage() {
        messages.start(Map.of());
        byte[] frame = new byte[160];
        frame[0] = 42;

        JsonObject first = new JsonObject(new String(messages.media(frame), java.nio.charset.StandardCharsets.UTF_8));
        messages.dtmf('5');
        JsonObject second = new JsonObject(new String(messages.media(frame), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(first.getValue("sequenceNumber")).isEqualTo("2");
        assertThat(first.getJsonObject("media").getMap()).containsEntry("track", "inbound")
                .containsEntry("chunk", "1").containsEntry("timestamp", "0");
        assertThat(Base64.getDecoder().decode(first.getJsonObject("media").getString("payload"))).isEqualTo(frame);
        assertThat(first.getString("streamSid")).isEqualTo("MZc");
        assertThat(second.getValue("sequenceNumber")).isEqualTo("4");
        assertThat(second.getJsonObject("media").getMap()).containsEntry("chunk", "2")
                .containsEntry("timestamp", "20");
    }

    @Test
    void dtmfMarkAndStopMatchTwiliosExamples() {
        assertThat(new JsonObject(messages.dtmf('1'))).isEqualTo(new JsonObject("{\"event\":\"dtmf\","
                + "\"streamSid\":\"MZc\",\"sequenceNumber\":\"1\",\"dtmf\":{\"track\":\"inbound_track\","
                + "\"digit\":\"1\"}}"));
        assertThat(new JsonObject(messages.mark("greeting_end"))).isEqualTo(new JsonObject("{\"event\":\"mark\","
                + "\"sequenceNumber\":\"2\",\"streamSid\":\"MZc\",\"mark\":{\"name\":\"greeting_end\"}}"));
        assertThat(new JsonObject(messages.stop())).isEqualTo(new JsonObject("{\"event\":\"stop\","
                + "\"sequenceNumber\":\"3\",\"stop\":{\"accountSid\":\"ACa\",\"callSid\":\"CAb\"},"
                + "\"streamSid\":\"MZc\"}"));
    }

    @Test
    void idsLookLikeTwilios() {
        assertThat(TwilioIds.callSid()).matches("CA[0-9a-f]{32}");
        assertThat(TwilioIds.streamSid()).matches("MZ[0-9a-f]{32}");
        assertThat(TwilioIds.accountSid()).matches("AC[0-9a-f]{32}");
    }
}
