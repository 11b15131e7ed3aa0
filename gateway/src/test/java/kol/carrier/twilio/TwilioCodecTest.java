package kol.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every inbound shape from Twilio's documentation, the outbound shapes exactly, and what Kol refuses. */
class TwilioCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TwilioInbound in = new TwilioInbound();

    @Test
    void readsConnected() throws Exception {
        TwilioCodec.parse("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.CONNECTED);
    }

    @Test
    void readsStartWithEveryField() throws Exception {
        TwilioCodec.parse("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\","
                + "\"streamSid\":\"MZ1\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],\"mediaFormat\":{\"encoding\":"
                + "\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},\"customParameters\":{"
                + "\"From\":\"+972501234567\",\"To\":\"+97235551234\"}},\"streamSid\":\"MZ1\"}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.START);
        assertThat(in.sequenceNumber()).isEqualTo(1);
        assertThat(in.accountSid()).isEqualTo("AC1");
        assertThat(in.callSid()).isEqualTo("CA1");
        assertThat(in.streamSid()).isEqualTo("MZ1");
        assertThat(in.tracks()).containsExactly("inbound");
        assertThat(in.encoding()).isEqualTo("audio/x-mulaw");
        assertThat(in.sampleRateHz()).isEqualTo(8000);
        assertThat(in.channels()).isEqualTo(1);
        assertThat(in.customParameters()).containsEntry("From", "+972501234567").containsEntry("To", "+97235551234");
    }

    @Test
    void readsMediaWithStringCountersInAnyFieldOrder() throws Exception {
        byte[] audio = new byte[160];
        new Random(1).nextBytes(audio);
        String payload = Base64.getEncoder().encodeToString(audio);
        TwilioCodec.parse("{\"media\":{\"payload\":\"" + payload + "\",\"timestamp\":\"5\",\"chunk\":\"2\","
                + "\"track\":\"inbound\"},\"streamSid\":\"MZ1\",\"sequenceNumber\":\"4\",\"event\":\"media\"}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.MEDIA);
        assertThat(in.chunk()).isEqualTo(2);
        assertThat(in.timestampMs()).isEqualTo(5);
        assertThat(in.sequenceNumber()).isEqualTo(4);
        assertThat(in.payloadLength()).isEqualTo(160);
        assertThat(java.util.Arrays.copyOf(in.payload(), 160)).isEqualTo(audio);
    }

    @Test
    void acceptsNumericCountersToo() throws Exception {
        TwilioCodec.parse("{\"event\":\"media\",\"sequenceNumber\":4,\"media\":{\"chunk\":2,\"timestamp\":40,"
                + "\"payload\":\"//8=\"},\"streamSid\":\"MZ1\"}", in);
        assertThat(in.sequenceNumber()).isEqualTo(4);
        assertThat(in.payloadLength()).isEqualTo(2);
    }

    @Test
    void readsDtmfMarkAndStop() throws Exception {
        TwilioCodec.parse("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"sequenceNumber\":\"5\",\"dtmf\":{\"track\":"
                + "\"inbound_track\",\"digit\":\"1\"}}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.DTMF);
        assertThat(in.digit()).isEqualTo("1");
        TwilioCodec.parse("{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":"
                + "\"greeting_end\"}}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.MARK);
        assertThat(in.markName()).isEqualTo("greeting_end");
        TwilioCodec.parse("{\"event\":\"stop\",\"sequenceNumber\":\"5\",\"stop\":{\"accountSid\":\"AC1\",\"callSid\":"
                + "\"CA1\"},\"streamSid\":\"MZ1\"}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.STOP);
    }

    @Test
    void namesUnknownEventsWithoutFailing() throws Exception {
        TwilioCodec.parse("{\"event\":\"surprise\",\"streamSid\":\"MZ1\"}", in);
        assertThat(in.event()).isEqualTo(TwilioInbound.Event.UNKNOWN);
        assertThat(in.eventName()).isEqualTo("surprise");
    }

    @Test
    void refusesWhatItCannotUseWithAReason() {
        assertReason("not json", "invalid JSON");
        assertReason("[1,2]", "not a JSON object");
        assertReason("{\"streamSid\":\"MZ\"}", "no \"event\"");
        assertReason("{\"event\":\"media\",\"media\":{\"payload\":\"!!!!\"}}", "not valid base64");
        assertReason("{\"event\":\"media\",\"media\":{\"payload\":\"abc\"}}", "not valid base64");
        assertReason("{\"event\":\"media\",\"media\":{}}", "media without media.payload");
        assertReason("{\"event\":\"media\",\"media\":{\"payload\":5}}", "media.payload is not a string");
        assertReason("{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ\"}}", "start without start.callSid");
        assertReason("{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ\",\"callSid\":\"CA\"}}", "mediaFormat");
        assertReason("{\"event\":\"dtmf\",\"dtmf\":{}}", "dtmf without");
        assertReason("{\"event\":\"mark\",\"mark\":{}}", "mark without mark.name");
        assertReason("{\"event\":\"media\",\"sequenceNumber\":\"x\"}", "sequenceNumber is not a number");
        assertReason("{\"event\":\"stop\"} {}", "trailing content");
        assertReason("{\"event\":\"media\",\"media\":{\"chunk\":\"1 2\",\"payload\":\"\"}}",
                "media.chunk is not a number");
        assertReason("{\"event\":\"media\",\"media\":{\"chunk\":\"\",\"payload\":\"\"}}",
                "media.chunk is not a number");
    }

    @Test
    void readsTheFrameBytesAsItReadsText() throws Exception {
        String text = "{\"event\":\"start\",\"sequenceNumber\":\" 1 \",\"start\":{\"accountSid\":\"AC1\","
                + "\"streamSid\":\"MZ1\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],\"mediaFormat\":{\"encoding\":"
                + "\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},\"customParameters\":{\"name\":\"שרה כהן\"}},"
                + "\"streamSid\":\"MZ1\"}";
        byte[] utf8 = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);

        TwilioCodec.parse(utf8, 2, utf8.length - 4, in);

        assertThat(in.event()).isEqualTo(TwilioInbound.Event.START);
        assertThat(in.sequenceNumber()).isEqualTo(1);
        assertThat(in.customParameters()).containsEntry("name", "שרה כהן");
        byte[] bad = "{\"event\":".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TwilioCodec.parse(bad, 0, bad.length, in)).isInstanceOf(TwilioProtocolException.class)
                .hasMessageContaining("invalid JSON");
    }

    /**
     * Fifty media messages a second per call: reading one allocates nothing once the stream's values are known
     * (HotSpot's per-thread allocation counter over many messages, so a few bytes per message would show as
     * hundreds of kilobytes).
     */
    @Test
    void readsAMediaMessageWithoutAllocating() throws Exception {
        byte[][] messages = new byte[50][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = ("{\"event\":\"media\",\"sequenceNumber\":\"" + (i + 3) + "\",\"media\":{\"track\":"
                    + "\"inbound\",\"chunk\":\"" + (i + 2) + "\",\"timestamp\":\"" + (i * 20) + "\",\"payload\":\""
                    + Base64.getEncoder().encodeToString(new byte[160])
                    + "\"},\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        for (int round = 0; round < 400; round++) {
            for (byte[] message : messages) {
                TwilioCodec.parse(message, 0, message.length, in);
            }
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 400; round++) {
            for (byte[] message : messages) {
                TwilioCodec.parse(message, 0, message.length, in);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(in.payloadLength()).isEqualTo(160);
        assertThat(in.chunk()).isEqualTo(51);
        assertThat(allocated).as("bytes allocated over 20,000 messages").isLessThan(16 * 1024);
    }

    private void assertReason(String text, String reason) {
        assertThatThrownBy(() -> TwilioCodec.parse(text, in)).isInstanceOf(TwilioProtocolException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void writesOutboundMessagesWithExactlyTheDocumentedFields() throws Exception {
        byte[] audio = new byte[160];
        new Random(2).nextBytes(audio);
        JsonNode media = JSON.readTree(new TwilioCodec.MediaEncoder("MZabc").encode(audio, 0, 160));
        assertThat(fieldNames(media)).containsExactly("event", "streamSid", "media");
        assertThat(fieldNames(media.get("media"))).containsExactly("payload");
        assertThat(media.get("event").asText()).isEqualTo("media");
        assertThat(media.get("streamSid").asText()).isEqualTo("MZabc");
        assertThat(Base64.getDecoder().decode(media.get("media").get("payload").asText())).isEqualTo(audio);

        JsonNode mark = JSON.readTree(TwilioCodec.mark("MZabc", "reply \"1\" שלום"));
        assertThat(fieldNames(mark)).containsExactly("event", "streamSid", "mark");
        assertThat(fieldNames(mark.get("mark"))).containsExactly("name");
        assertThat(mark.get("mark").get("name").asText()).isEqualTo("reply \"1\" שלום");

        JsonNode clear = JSON.readTree(TwilioCodec.clear("MZabc"));
        assertThat(fieldNames(clear)).containsExactly("event", "streamSid");
        assertThat(clear.get("event").asText()).isEqualTo("clear");
    }

    @Test
    void mediaMessagesAreExactUtf8AndIndependentOfEachOther() {
        TwilioCodec.MediaEncoder encoder = new TwilioCodec.MediaEncoder("MZ1");
        byte[] a = new byte[160];
        byte[] b = new byte[160];
        b[0] = 1;
        byte[] first = encoder.encode(a, 0, 160);
        byte[] second = encoder.encode(b, 0, 160);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"media\",\"streamSid\":\"MZ1\","
                + "\"media\":{\"payload\":\"" + Base64.getEncoder().encodeToString(a) + "\"}}");
        assertThat(second).isNotEqualTo(first).hasSameSizeAs(first);
        assertThat(encoder.encode(a, 0, 160)).isEqualTo(first);
    }

    @Property(tries = 300)
    void base64AgreesWithTheJdk(@ForAll @Size(max = 700) List<Byte> bytes) {
        byte[] data = new byte[bytes.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = bytes.get(i);
        }
        byte[] out = new byte[3 + Base64Chars.encodedLength(data.length)];
        int end = Base64Chars.encode(data, 0, data.length, out, 3);
        assertThat(end).isEqualTo(out.length);
        String text = new String(out, 3, end - 3, StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo(Base64.getEncoder().encodeToString(data));
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        byte[] decoded = new byte[Base64Chars.maxDecodedBytes(ascii.length)];
        int n = Base64Chars.decode(ascii, 0, ascii.length, decoded);
        assertThat(java.util.Arrays.copyOf(decoded, n)).isEqualTo(data);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
