package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kol.carrier.CallInfo;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.Turn;
import org.junit.jupiter.api.Test;

/** The example in docs/flows.md is a flow that loads and runs the call its table describes. */
class FlowDocsTest {

    private static String documentedExample() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "flows.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static RecordingListener say(DialogSession session, Turn turn) {
        RecordingListener listener = new RecordingListener();
        session.respond(turn, listener);
        return listener;
    }

    @Test
    void documentedExampleRunsTheCallItsTableDescribes() throws Exception {
        FlowDialog dialog = FlowDialog.parse("dental.yaml", documentedExample());
        DialogSession call = dialog.open(new CallInfo("CA1", "MZ1", "AC1", "", "", Map.of()));
        String callBack = "We'll call you back on this number. To confirm, press 1. To go back, press 2.";

        assertThat(dialog.name()).isEqualTo("flow:dental");
        assertThat(call.greeting()).isEqualTo("Hello, this is Smile Dental. "
                + "For our hours, press 1. To ask for a call back, press 2. For a person, press 0.");
        assertThat(say(call, Turn.dtmf('2')).text()).isEqualTo(callBack);
        assertThat(say(call, Turn.unrecognised()).text())
                .isEqualTo("Sorry, I couldn't understand. Please use the keys on your phone.");
        assertThat(say(call, Turn.dtmf('*')).text()).isEqualTo(callBack);
        assertThat(say(call, Turn.dtmf('1')).events).containsExactly(
                "text:Done. ", "text:We'll call you within the day. ", "text:Goodbye.", "hang_up", "done");
    }
}
