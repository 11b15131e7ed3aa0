package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveStatsTest {
    private final LiveStats live = new LiveStats();

    @Test
    void eachSampleKeepsTheWorstLagAndDeepestBufferOfItsSecondOnly() {
        live.sendLag(300_000);
        live.sendLag(2_500_000);
        live.sendLag(100_000);
        live.bufferDepth(40);
        live.bufferDepth(20);

        LiveSecond first = live.sample();
        LiveSecond second = live.sample();

        assertThat(first.lagMaxMs()).isEqualTo(2.5);
        assertThat(first.bufferMaxMs()).isEqualTo(40);
        assertThat(second.lagMaxMs()).isZero();
        assertThat(second.bufferMaxMs()).isZero();
    }

    @Test
    void theLoadLineSaysHowLateTheSimulatorItselfWas() {
        live.sendLag(1_240_000);

        assertThat(live.sample().loadLine()).endsWith("invalid 0  sim lag max 1.2 ms");
    }
}
