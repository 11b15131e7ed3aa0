package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.Turn;
import org.junit.jupiter.api.Test;

class ChatMemoryTest {

    @Test
    void turnsThatAreNotWordsBecomeNotesInBrackets() {
        assertThat(ChatMemory.userText(Turn.dtmf('1'))).isEqualTo("[the caller pressed 1]");
        assertThat(ChatMemory.userText(Turn.unrecognised()))
                .isEqualTo("[the caller said something that could not be understood]");
        assertThat(ChatMemory.userText(Turn.speech("  "))).isEqualTo(ChatMemory.userText(Turn.unrecognised()));
        assertThat(ChatMemory.userText(Turn.speech(" מה השעות? "))).isEqualTo("מה השעות?");
    }

    @Test
    void theGreetingIsRememberedAsAlreadySaidAfterAUserNote() {
        ChatMemory memory = new ChatMemory(5);
        memory.greeted("Hello!");

        assertThat(texts(memory.ask("hi"))).containsExactly("USER:[the call connected]", "ASSISTANT:Hello!",
                "USER:hi");
    }

    @Test
    void keepsOnlyTheLastTurnsAndAlwaysStartsWithTheCaller() {
        ChatMemory memory = new ChatMemory(2);
        memory.greeted("Hello!");
        for (int i = 1; i <= 3; i++) {
            memory.ask("q" + i);
            memory.answered("a" + i);
        }

        assertThat(texts(memory.ask("q4"))).containsExactly("USER:q2", "ASSISTANT:a2", "USER:q3", "ASSISTANT:a3",
                "USER:q4");
    }

    @Test
    void aTurnWhoseReplyWasNeverRecordedKeepsTheAlternation() {
        ChatMemory memory = new ChatMemory(5);
        memory.ask("q1");

        assertThat(texts(memory.ask("q2"))).containsExactly("USER:q1", "ASSISTANT:[no reply]", "USER:q2");
    }

    @Test
    void anEmptyReplyIsRememberedAsNoReplyAndALateSecondAnswerIsDropped() {
        ChatMemory memory = new ChatMemory(5);
        memory.ask("q1");
        memory.answered("");
        memory.answered("late");

        assertThat(texts(memory.messages())).containsExactly("USER:q1", "ASSISTANT:[no reply]");
    }

    @Test
    void cutOffAndFailedRepliesSayHowTheyEnded() {
        assertThat(ChatMemory.interrupted("We open at")).isEqualTo("We open at [the caller interrupted here]");
        assertThat(ChatMemory.interrupted("")).startsWith("[the caller interrupted before");
        assertThat(ChatMemory.failed("We open")).startsWith("We open [cut off by a technical fault");
        assertThat(ChatMemory.note(DialogAction.handOff("billing"))).isEqualTo("[hand_off: billing]");
        assertThat(ChatMemory.note(DialogAction.hangUp())).isEqualTo("[hang_up]");
    }

    private static List<String> texts(List<ChatMessage> messages) {
        return messages.stream().map(m -> m.role() + ":" + m.text()).toList();
    }
}
