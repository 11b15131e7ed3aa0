package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwimlTest {
    private static final String WEBHOOK = "https://kol.example.com/twilio/voice";

    @Test
    void readsTheStreamUrlAndItsParameters() {
        String twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Connect>"
                + "<Stream url=\"wss://kol.example.com/twilio/media\">"
                + "<Parameter name=\"From\" value=\"+972501234567\"/><Parameter name=\"lang\" value=\"he-IL\"/>"
                + "</Stream></Connect></Response>";

        StreamTarget target = Twiml.streamTarget(twiml, WEBHOOK);

        assertThat(target.url()).isEqualTo("wss://kol.example.com/twilio/media");
        assertThat(target.customParameters()).isEqualTo(Map.of("From", "+972501234567", "lang", "he-IL"));
    }

    @Test
    void resolvesARelativeStreamUrlAgainstTheWebhookAsAWebSocketUrl() {
        StreamTarget target = Twiml.streamTarget("<Response><Say>Hi</Say><Connect><Stream url=\"/twilio/media\"/>"
                + "</Connect></Response>", WEBHOOK);

        assertThat(target.url()).isEqualTo("wss://kol.example.com/twilio/media");
        assertThat(target.customParameters()).isEmpty();
    }

    @Test
    void explainsAOneWayStartStream() {
        assertThatThrownBy(() -> Twiml.streamTarget("<Response><Start><Stream url=\"wss://x/y\"/></Start>"
                + "</Response>", WEBHOOK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no <Connect><Stream>").hasMessageContaining("<Start><Stream>");
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsEverFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Connect><Stream url=\"wss://x/&x;\"/></Connect></Response>";

        assertThatThrownBy(() -> Twiml.streamTarget(xxe, WEBHOOK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid XML").hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsAnswersThatAreNotTwiml() {
        assertThatThrownBy(() -> Twiml.streamTarget("<html><body>Hello</body></html>", WEBHOOK))
                .hasMessageContaining("not TwiML");
        assertThatThrownBy(() -> Twiml.streamTarget("OK", WEBHOOK)).hasMessageContaining("not valid XML");
        assertThatThrownBy(() -> Twiml.streamTarget("<Response><Connect><Stream/></Connect></Response>", WEBHOOK))
                .hasMessageContaining("no url");
    }
}
