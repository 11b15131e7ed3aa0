package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoiseFloorTest {

    /** 5 blocks of 10 frames: a one-second window, as the energy VAD uses. */
    private final NoiseFloor floor = new NoiseFloor(5, 10, -80f);

    @Test
    void theFirstFrameIsTheFloor() {
        assertThat(floor.update(-40f)).isEqualTo(-40f);
    }

    @Test
    void followsAQuieterLineAtOnce() {
        feedAlternating(-40f, -37f, 20);

        assertThat(floor.update(-55f)).isEqualTo(-55f);
    }

    @Test
    void risesToLouderNoiseWithinOneWindowEvenWhenItIsNotSteady() {
        feedAlternating(-60f, -57f, 20);
        feedAlternating(-40f, -37f, 50);

        assertThat(floor.floorDb()).isEqualTo(-40f);
    }

    @Test
    void aSteadyLevelBecomesTheFloorWithinFourFrames() {
        feedAlternating(-60f, -57f, 20);
        float[] seen = new float[4];
        for (int i = 0; i < 4; i++) {
            seen[i] = floor.update(-35f + 0.2f * (i % 2));
        }

        assertThat(seen[2]).isLessThan(-55f);
        assertThat(seen[3]).isEqualTo(-35f);
    }

    @Test
    void speechLikeSwingsDoNotLiftIt() {
        feedAlternating(-60f, -58f, 20);
        for (int i = 0; i < 200; i++) {
            // Syllables: loud and soft frames in turn, dipping to the line's floor every 200 ms.
            floor.update(i % 10 == 0 ? -59f : -30f + 8 * (i % 3));
        }

        assertThat(floor.floorDb()).isLessThanOrEqualTo(-59f);
    }

    @Test
    void neverGoesBelowItsLowestLevel() {
        for (int i = 0; i < 100; i++) {
            floor.update(Float.NEGATIVE_INFINITY);
        }

        assertThat(floor.floorDb()).isEqualTo(-80f);
    }

    @Test
    void resetForgetsTheLine() {
        feedAlternating(-30f, -27f, 60);
        floor.reset();

        assertThat(floor.update(-70f)).isEqualTo(-70f);
    }

    /** Levels that swing more than the steady-level rule allows, so only minimum statistics act. */
    private void feedAlternating(float low, float high, int frames) {
        for (int i = 0; i < frames; i++) {
            floor.update(i % 2 == 0 ? low : high);
        }
    }
}
