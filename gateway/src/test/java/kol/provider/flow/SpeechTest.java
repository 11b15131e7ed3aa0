package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechTest {

    @Test
    void splitsAtSentenceEndsFollowedBySpace() {
        assertThat(Speech.of("Hello there. Ready? Go! Then… wait").sentences())
                .containsExactly("Hello there.", "Ready?", "Go!", "Then…", "wait");
    }

    @Test
    void keepsTimesAndDecimalsWhole() {
        assertThat(Speech.of("Open 8:00 to 19.30 daily. Closed Saturday.").sentences())
                .containsExactly("Open 8:00 to 19.30 daily.", "Closed Saturday.");
    }

    @Test
    void foldsLineBreaksAndRunsOfSpaceIntoOneSpace() {
        assertThat(Speech.of("  שלום,\n  הגעתם   למרפאה.\nהקישו אחת.\n").sentences())
                .containsExactly("שלום, הגעתם למרפאה.", "הקישו אחת.");
    }

    @Test
    void joinsTwoSpeechesInOrderAndLeavesNothingAlone() {
        Speech reply = Speech.of("Booked.");

        assertThat(reply.then(Speech.of("Bye. See you.")).text()).isEqualTo("Booked. Bye. See you.");
        assertThat(Speech.NONE.then(reply)).isEqualTo(reply);
        assertThat(reply.then(Speech.NONE)).isEqualTo(reply);
        assertThat(Speech.of(" \n ")).isEqualTo(Speech.NONE);
    }
}
