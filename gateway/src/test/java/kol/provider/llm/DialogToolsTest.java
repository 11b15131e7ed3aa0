package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;

import kol.provider.dialog.DialogAction;
import org.junit.jupiter.api.Test;

class DialogToolsTest {

    @Test
    void offersHangUpAndHandOffWithARequiredTarget() {
        assertThat(DialogTools.all()).extracting(DialogTools.Tool::name).containsExactly("hang_up", "hand_off");
        assertThat(DialogTools.all().get(1).inputSchema().toString()).contains("\"required\":[\"target\"]");
        assertThat(DialogTools.all().get(0).inputSchema().toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    @Test
    void toolCallsBecomeActions() {
        assertThat(DialogTools.action("hang_up", "{}")).contains(DialogAction.hangUp());
        assertThat(DialogTools.action("hand_off", "{\"target\": \" billing \"}"))
                .contains(DialogAction.handOff("billing"));
        assertThat(DialogTools.action("book_table", "{}")).isEmpty();
    }

    @Test
    void aHandOffWithUnreadableArgumentsStillHandsOff() {
        assertThat(DialogTools.action("hand_off", "{\"target\": ")).contains(DialogAction.handOff(""));
        assertThat(DialogTools.action("hand_off", "")).contains(DialogAction.handOff(""));
        assertThat(DialogTools.action("hand_off", "{\"target\": {\"x\":1}}")).contains(DialogAction.handOff(""));
    }

    @Test
    void toolCallsAccumulateByIndexAndComeOutInIndexOrder() {
        ToolCalls calls = new ToolCalls();
        calls.name(1, "hang_up");
        calls.name(0, "hand_off");
        calls.arguments(0, "{\"target\":");
        calls.name(0, "hand_off");
        calls.arguments(0, "\"sales\"}");
        calls.name(2, "unknown_tool");

        assertThat(calls.actions()).containsExactly(DialogAction.handOff("sales"), DialogAction.hangUp());
    }
}
