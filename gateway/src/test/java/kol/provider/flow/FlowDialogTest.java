package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kol.carrier.CallInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowDialogTest {

    private static final CallInfo CALL = new CallInfo("CA1", "MZ1", "AC1", "", "", Map.of());

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedHebrewFlow() {
        FlowDialog dialog = FlowDialog.builtIn("he-IL");

        assertThat(dialog.name()).isEqualTo("flow:clinic-he");
        assertThat(dialog.language()).isEqualTo("he-IL");
        assertThat(dialog.flow().nodes()).containsOnlyKeys("main", "booking", "confirm_morning", "confirm_afternoon");
    }

    @Test
    void loadsTheShippedEnglishFlow() {
        FlowDialog dialog = FlowDialog.builtIn("en-US");

        assertThat(dialog.name()).isEqualTo("flow:clinic-en");
        assertThat(dialog.language()).isEqualTo("en-US");
        assertThat(dialog.flow().nodes()).containsOnlyKeys("main", "booking", "confirm_morning", "confirm_afternoon");
    }

    @Test
    void shipsTheSameFlowInBothLanguages() {
        Flow hebrew = FlowDialog.builtIn("he-IL").flow();
        Flow english = FlowDialog.builtIn("en-US").flow();

        for (FlowNode node : hebrew.nodes().values()) {
            FlowNode twin = english.node(node.id());
            assertThat(twin.intents()).extracting(Intent::digits, Intent::next, Intent::action)
                    .containsExactlyElementsOf(node.intents().stream()
                            .map(intent -> tuple(intent.digits(), intent.next(), intent.action()))
                            .toList());
        }
        assertThat(english.intents()).extracting(Intent::digits).containsExactly("0", "#", "*");
        assertThat(hebrew.intents()).extracting(Intent::digits).containsExactly("0", "#", "*");
    }

    @Test
    void refusesALanguageWithNoShippedFlow() {
        assertThatThrownBy(() -> FlowDialog.builtIn("fr-FR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no built-in flow for language \"fr-FR\"; there are: he-IL, en-US");
    }

    @Test
    void loadsAFlowFileAndNamesItAfterTheFileWhenItGivesNoName() throws Exception {
        Path file = dir.resolve("front-desk.yaml");
        Files.writeString(file, """
                language: he-IL
                start: main
                fallback: לא הבנתי.
                unrecognised: הקישו אחת.
                nodes:
                  main:
                    prompt: שלום.
                """, StandardCharsets.UTF_8);

        FlowDialog dialog = FlowDialog.load(file);

        assertThat(dialog.name()).isEqualTo("flow:front-desk");
        assertThat(dialog.open(CALL).greeting()).isEqualTo("שלום.");
    }

    @Test
    void failsOnABadFlowFileWithItsPathLineAndReason() throws Exception {
        Path file = dir.resolve("clinic.yaml");
        Files.writeString(file, """
                language: he-IL
                start: main
                fallback: לא הבנתי.
                unrecognised: הקישו אחת.
                nodes:
                  main:
                    promt: שלום.
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FlowDialog.load(file))
                .isInstanceOf(FlowException.class)
                .hasMessage(file + ":7:5: node \"main\": unknown key \"promt\"; "
                        + "expected one of: prompt, unrecognised, fallback, intents");
    }
}
