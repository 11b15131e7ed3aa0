package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechBackoffTest {

    @Test
    void retriesAtOnceAfterTheFirstFailure() {
        assertThat(new SpeechBackoff(bound -> bound - 1).delayMs(1)).isZero();
    }

    @Test
    void doublesFromTheBaseUpToTheCapWithHalfOfEachDelayRandom() {
        SpeechBackoff least = new SpeechBackoff(bound -> 0);
        SpeechBackoff most = new SpeechBackoff(bound -> bound - 1);
        int[] full = {250, 500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int i = 0; i < full.length; i++) {
            int failures = i + 2;
            assertThat(least.delayMs(failures)).as("failure %d, no jitter", failures).isEqualTo(full[i] / 2);
            assertThat(most.delayMs(failures)).as("failure %d, all jitter", failures).isEqualTo(full[i]);
        }
    }

    @Test
    void neverOverflowsHoweverLongTheOutage() {
        assertThat(new SpeechBackoff(bound -> bound - 1).delayMs(Integer.MAX_VALUE)).isEqualTo(SpeechBackoff.CAP_MS);
    }
}
