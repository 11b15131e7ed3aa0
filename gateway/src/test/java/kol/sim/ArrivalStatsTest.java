package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalStatsTest {
    private static final long MS = 1_000_000L;
    private static final long ORIGIN = 10_000 * MS;

    private final ArrivalStats stats = new ArrivalStats(ORIGIN);

    private void frameAt(double ms) {
        stats.onMedia(ORIGIN + (long) (ms * MS), 160);
    }

    @Test
    void countsOnlyWholeSecondsInsideATalkSpurt() {
        // 500 ms .. 3980 ms: second 0 is the spurt's first, second 3 its last; 1 and 2 count.
        for (int i = 0; i < 175; i++) {
            frameAt(500 + 20 * i);
        }

        assertThat(stats.speechSecondFps()).containsExactly(50, 50);
        assertThat(stats.frames()).isEqualTo(175);
        assertThat(stats.firstAudioMs()).isEqualTo(500);
    }

    @Test
    void aPauseOfTwoHundredMillisecondsStartsANewSpurt() {
        for (int i = 0; i < 150; i++) {
            frameAt(100 + 20 * i);
        }
        for (int i = 0; i < 150; i++) {
            frameAt(3_300 + 20 * i);
        }

        // Spurt 1: seconds 0..3 → 1, 2 count. Spurt 2: seconds 3..6 → 4, 5 count.
        assertThat(stats.speechSecondFps()).containsExactly(50, 50, 50, 50);
    }

    @Test
    void aBurstHasNoWholeSpeechSecond() {
        for (int i = 0; i < 500; i++) {
            frameAt(100);
        }

        assertThat(stats.speechSecondFps()).isEmpty();
        assertThat(stats.jitterP99Ms()).isBetween(19.8, 20.2);
    }

    @Test
    void jitterIsTheDeviationFromTheFrameDuration() {
        double t = 0;
        for (int i = 0; i < 200; i++) {
            t += i % 2 == 0 ? 19 : 21;
            frameAt(t);
        }

        assertThat(stats.jitterP99Ms()).isBetween(0.99, 1.01);
    }

    @Test
    void noAudioMeansNoFigures() {
        assertThat(stats.firstAudioMs()).isEqualTo(-1);
        assertThat(stats.jitterP99Ms()).isNaN();
        assertThat(stats.speechSecondFps()).isEmpty();
    }
}
