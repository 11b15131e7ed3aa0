package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMessagesTest {
    private static final String SID = "MZ00000000000000000000000000000001";

    private static ServerMessage parse(String json) {
        return ServerMessages.parse(json.replace('\'', '"'), SID);
    }

    private static String reason(String json) {
        ServerMessage message = parse(json);
        assertThat(message).isInstanceOf(ServerMessage.Invalid.class);
        return ((ServerMessage.Invalid) message).reason();
    }

    @Test
    void acceptsTheThreeDocumentedMessages() {
        ServerMessage media = parse("{'event':'media','streamSid':'" + SID + "','media':{'payload':'/38A'}}");
        assertThat(media).isInstanceOf(ServerMessage.Media.class);
        ServerMessage.Media decoded = (ServerMessage.Media) media;
        assertThat(java.util.Arrays.copyOf(decoded.muLaw(), decoded.length())).containsExactly(0xFF, 0x7F, 0x00);
        assertThat(parse("{'event':'mark','streamSid':'" + SID + "','mark':{'name':'greeting_end'}}"))
                .isEqualTo(new ServerMessage.Mark("greeting_end"));
        assertThat(parse("{'streamSid':'" + SID + "','event':'clear'}")).isEqualTo(new ServerMessage.Clear());
    }

    @Test
    void rejectsExtraFieldsAtEitherLevel() {
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','sequenceNumber':'3',"
                + "'media':{'payload':'/w=='}}"))
                .isEqualTo("media: extra field \"sequenceNumber\"");
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','media':{'payload':'/w==','track':'outbound'}}"))
                .isEqualTo("media.media: extra field \"track\"");
        assertThat(reason("{'event':'clear','streamSid':'" + SID + "','mark':{'name':'x'}}"))
                .isEqualTo("clear: extra field \"mark\"");
    }

    @Test
    void rejectsMissingFields() {
        assertThat(reason("{'event':'mark','mark':{'name':'x'}}")).isEqualTo("mark: missing field \"streamSid\"");
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','media':{}}"))
                .isEqualTo("media.media: missing field \"payload\"");
    }

    @Test
    void rejectsAFieldGivenTwice() {
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','streamSid':'" + SID + "',"
                + "'media':{'payload':'/w=='}}"))
                .isEqualTo("media: duplicate field \"streamSid\"");
        assertThat(reason("{'event':'mark','streamSid':'" + SID + "','mark':{'name':'a','name':'b'}}"))
                .isEqualTo("mark.mark: duplicate field \"name\"");
    }

    @Test
    void rejectsABodyThatIsNotAnObjectAndAStreamSidThatIsNotAString() {
        assertThat(reason("{'event':'mark','streamSid':'" + SID + "','mark':'x'}"))
                .isEqualTo("mark: \"mark\" is not an object");
        assertThat(reason("{'event':'clear','streamSid':42}"))
                .isEqualTo("clear: streamSid 42 is not this stream's (" + SID + ")");
    }

    @Test
    void rejectsAnotherStreamsSid() {
        assertThat(reason("{'event':'media','streamSid':'MZother','media':{'payload':'/w=='}}"))
                .isEqualTo("media: streamSid \"MZother\" is not this stream's (" + SID + ")");
    }

    @Test
    void rejectsAPayloadThatIsNotBase64OrIsEmpty() {
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','media':{'payload':'not base64!'}}"))
                .startsWith("media: payload is not base64");
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','media':{'payload':''}}"))
                .isEqualTo("media: empty payload");
        assertThat(reason("{'event':'media','streamSid':'" + SID + "','media':{'payload':42}}"))
                .isEqualTo("media: payload is not a string");
    }

    @Test
    void rejectsUnknownEventsNonJsonAndBinary() {
        assertThat(reason("{'event':'stop','streamSid':'" + SID + "'}")).startsWith("unknown event \"stop\"");
        assertThat(reason("{'streamSid':'" + SID + "'}")).startsWith("no \"event\" field");
        assertThat(reason("hello")).startsWith("not a JSON object");
        assertThat(reason("[1,2]")).startsWith("not a JSON object");
        assertThat(reason("{'event':'clear','streamSid':'" + SID + "'}{}")).startsWith("not a JSON object");
        assertThat(reason("{'event':42,'streamSid':'" + SID + "'}")).startsWith("\"event\" is not a string");
        assertThat(ServerMessages.binary(160).reason()).isEqualTo(
                "binary frame of 160 bytes (Twilio accepts only JSON text)");
    }
}
