package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each fault a flow file can have, reported with the file, line and column where it is. */
class FlowReaderTest {

    /** A valid flow to break one line at a time; the lines it adds start at line 6. */
    private static final String HEAD = """
            name: clinic
            language: en-US
            start: main
            fallback: Sorry?
            unrecognised: Press a key.
            """;

    private static void assertFails(String yaml, String message) {
        assertThatThrownBy(() -> FlowReader.read("clinic.yaml", yaml))
                .isInstanceOf(FlowException.class)
                .hasMessage(message);
    }

    @Test
    void readsAValidFlow() throws FlowException {
        Flow flow = FlowReader.read("clinic.yaml", HEAD + """
                nodes:
                  main:
                    prompt: Press 1.
                    intents:
                      - dtmf: [1, 2]
                        keywords: book
                        reply: Booked.
                        action: hang_up
                """);

        assertThat(flow.node("main").intents()).singleElement().satisfies(intent -> {
            assertThat(intent.digits()).isEqualTo("12");
            assertThat(intent.keywords()).extracting(Keyword::written).containsExactly("book");
        });
    }

    @Test
    void reportsAGotoToAnUndefinedNode() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 2
                        goto: booking
                  booking:
                    intents:
                      - dtmf: 1
                        goto: confirm
                """, "clinic.yaml:14:15: node \"booking\": goto \"confirm\" is not a defined node");
    }

    @Test
    void reportsAGlobalGotoToAnUndefinedNode() {
        assertFails(HEAD + """
                intents:
                  - dtmf: "#"
                    goto: menu
                nodes:
                  main:
                    prompt: Hi.
                """, "clinic.yaml:8:11: intents: goto \"menu\" is not a defined node");
    }

    @Test
    void reportsAnUnknownKeyWithTheKeysThatAreAllowed() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 1
                        repyl: Hi.
                """, "clinic.yaml:10:9: node \"main\": unknown key \"repyl\"; "
                + "expected one of: keywords, dtmf, reply, goto, action, target");
        assertFails("greting: Hi.\n", "clinic.yaml:1:1: unknown key \"greting\"; "
                + "expected one of: name, language, greeting, start, fallback, unrecognised, intents, nodes");
    }

    @Test
    void reportsAMissingStart() {
        assertFails("""
                language: he-IL
                fallback: לא הבנתי.
                unrecognised: הקישו אחת.
                nodes:
                  main:
                    prompt: שלום.
                """, "clinic.yaml:1:1: missing \"start\"");
    }

    @Test
    void reportsAStartThatIsNotANode() {
        assertFails(HEAD.replace("start: main", "start: mian") + """
                nodes:
                  main:
                    prompt: Hi.
                """, "clinic.yaml:3:8: start \"mian\" is not a defined node");
    }

    @Test
    void reportsMissingOrEmptyNodes() {
        assertFails(HEAD, "clinic.yaml:1:1: missing \"nodes\"");
        assertFails(HEAD + "nodes: {}\n", "clinic.yaml:6:8: \"nodes\" is empty; a flow needs at least its start node");
    }

    @Test
    void reportsAKeyTakenTwiceInOneNode() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 1
                        reply: Hours.
                      - dtmf: [2, 1]
                        reply: Booking.
                """, "clinic.yaml:11:19: node \"main\": key 1 is already taken by the intent at line 9");
    }

    @Test
    void letsANodeTakeAKeyTheGlobalIntentsAlsoUse() throws FlowException {
        Flow flow = FlowReader.read("clinic.yaml", HEAD + """
                intents:
                  - dtmf: 0
                    reply: Global.
                nodes:
                  main:
                    intents:
                      - dtmf: 0
                        reply: Local.
                """);

        assertThat(flow.intentFor(flow.node("main"), '0').reply().text()).isEqualTo("Local.");
    }

    @Test
    void reportsAKeyThatIsNotOneKey() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 12
                        reply: Hi.
                """, "clinic.yaml:9:15: node \"main\": dtmf \"12\" is not one key of 0-9, *, #, A-D; "
                + "list several keys as [1, 2]");
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: x
                        reply: Hi.
                """, "clinic.yaml:9:15: node \"main\": dtmf \"X\" is not one key of 0-9, *, #, A-D");
    }

    @Test
    void reportsAnEmptyReply() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 1
                        reply: ""
                """, "clinic.yaml:10:16: node \"main\": \"reply\" is empty");
        assertFails(HEAD + """
                nodes:
                  main:
                    prompt:
                """, "clinic.yaml:8:12: node \"main\": \"prompt\" is empty");
    }

    @Test
    void reportsAnActionThatDoesNotExist() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 9
                        action: hangup
                """, "clinic.yaml:10:17: node \"main\": action \"hangup\" is not one of: hang_up, hand_off, repeat");
    }

    @Test
    void reportsAHandOffWithoutTargetAndATargetWithoutHandOff() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 0
                        action: hand_off
                """, "clinic.yaml:10:17: node \"main\": action hand_off needs a \"target\" (a number or queue name)");
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 0
                        action: hang_up
                        target: reception
                """, "clinic.yaml:11:17: node \"main\": \"target\" goes only with action hand_off");
    }

    @Test
    void reportsAGotoAfterAnActionThatLeavesTheFlow() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: 9
                        action: hang_up
                        goto: main
                """, "clinic.yaml:11:15: node \"main\": action hang_up ends the call; \"goto\" would never be reached");
    }

    @Test
    void reportsARepeatWithItsOwnReply() {
        assertFails(HEAD + """
                intents:
                  - dtmf: "*"
                    action: repeat
                    reply: Again.
                nodes:
                  main:
                    prompt: Hi.
                """, "clinic.yaml:8:13: intents: action repeat says the last reply again; "
                + "it takes no \"reply\" or \"goto\"");
    }

    @Test
    void reportsAnIntentNothingCanReachOrThatDoesNothing() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - reply: Hi.
                """, "clinic.yaml:9:9: node \"main\": an intent needs \"keywords\" or \"dtmf\", or both");
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - keywords: [hello]
                """, "clinic.yaml:9:9: node \"main\": an intent needs a \"reply\", a \"goto\" or an \"action\"");
    }

    @Test
    void reportsAKeywordWithoutLettersOrDigits() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - keywords: [hello, "?!"]
                        reply: Hi.
                """, "clinic.yaml:9:27: node \"main\": keyword \"?!\" has no letters or digits");
    }

    @Test
    void reportsValuesOfTheWrongType() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - keywords: {book: yes}
                        reply: Hi.
                """, "clinic.yaml:9:19: node \"main\": \"keywords\" should be a list, not a mapping");
        assertFails(HEAD + """
                nodes:
                  main:
                    prompt: [Hi, there]
                """, "clinic.yaml:8:13: node \"main\": \"prompt\" should be text, not a list");
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      dtmf: 1
                """, "clinic.yaml:9:7: node \"main\": \"intents\" should be a list (each intent starting with \"- \"), "
                + "not a mapping");
        assertFails(HEAD + """
                nodes:
                  main: Hello.
                """, "clinic.yaml:7:9: node \"main\": a node should be a mapping of keys, not \"Hello.\"");
        assertFails("- name: clinic\n", "clinic.yaml:1:1: a flow should be a mapping of keys, not a list");
    }

    @Test
    void reportsAKeyGivenTwice() {
        assertFails(HEAD + """
                nodes:
                  main:
                    prompt: Hi.
                    prompt: Hello.
                """, "clinic.yaml:9:5: node \"main\": \"prompt\" is given twice (first at line 8)");
        assertFails(HEAD + """
                nodes:
                  main:
                    prompt: Hi.
                  main:
                    prompt: Hello.
                """, "clinic.yaml:9:3: \"main\" is given twice (first at line 7)");
    }

    @Test
    void reportsALanguageThatIsNotSupported() {
        assertFails(HEAD.replace("en-US", "fr") + "nodes: {main: {prompt: Salut.}}\n",
                "clinic.yaml:2:11: language \"fr\" is not supported; use one of: he-IL, en-US");
    }

    @Test
    void reportsANodeWithNothingToSayWhenNotUnderstood() {
        assertFails("""
                language: en-US
                start: main
                fallback: Sorry?
                nodes:
                  main:
                    prompt: Hi.
                """, "clinic.yaml:5:3: node \"main\": no \"unrecognised\" here and none for the whole flow");
        assertFails("""
                language: en-US
                start: main
                unrecognised: Press a key.
                nodes:
                  main:
                    prompt: Hi.
                """, "clinic.yaml:5:3: node \"main\": no \"fallback\" here and none for the whole flow");
    }

    @Test
    void reportsBadYamlWhereTheParserFoundIt() {
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: *
                        reply: Hi.
                """, "clinic.yaml:9:16: not valid YAML: unexpected character found (10) "
                + "(while scanning an alias); write the star key in quotes: \"*\"");
        assertFails(HEAD + """
                nodes:
                  main:
                    intents:
                      - dtmf: #
                        reply: Hi.
                """, "clinic.yaml:9:14: node \"main\": dtmf is empty; write the hash key in quotes: \"#\"");
        assertFails(HEAD + "nodes:\n\tmain: {}\n", "clinic.yaml:7:1: not valid YAML: found character '\\t(TAB)' "
                + "that cannot start any token. (Do not use \\t(TAB) for indentation) "
                + "(while scanning for the next token)");
        assertFails("", "clinic.yaml:1:1: the file is empty");
    }
}
