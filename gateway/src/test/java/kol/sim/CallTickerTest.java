package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event loop's duty cycle on hand-given times. */
class CallTickerTest {
    private static final long MS = 1_000_000L;
    private static final long START = 3_000 * MS;

    private final CallTicker ticker = new CallTicker(START);

    /** A call that records the times it was ticked and is over after {@code ticks} of them. */
    private static final class Recording implements CallTicker.Ticked {
        private final List<Long> ticksNs = new ArrayList<>();
        private final int ticks;

        Recording(int ticks) {
            this.ticks = ticks;
        }

        @Override
        public boolean onTick(long nowNs) {
            ticksNs.add(nowNs);
            return ticksNs.size() < ticks;
        }
    }

    @Test
    void servicesEveryCallOnceATickAtTheSameTime() {
        Recording first = new Recording(100);
        Recording second = new Recording(100);
        ticker.add(first, START);
        ticker.add(second, START);

        assertThat(ticker.doWork(START + 1 * MS)).isEqualTo(2);
        assertThat(ticker.doWork(START + 21 * MS)).isEqualTo(2);

        assertThat(first.ticksNs).containsExactly(START + 1 * MS, START + 21 * MS);
        assertThat(second.ticksNs).isEqualTo(first.ticksNs);
        assertThat(ticker.nextTickNs()).isEqualTo(START + 40 * MS);
    }

    @Test
    void anEarlyWakeUpDoesNoWork() {
        Recording call = new Recording(100);
        ticker.add(call, START);
        ticker.doWork(START);

        assertThat(ticker.doWork(START + 19 * MS)).isZero();
        assertThat(call.ticksNs).containsExactly(START);
        assertThat(ticker.ticks()).isEqualTo(1);
    }

    @Test
    void aLateTickRunsOnceAndTheGridKeepsItsPhase() {
        Recording call = new Recording(100);
        ticker.add(call, START);
        ticker.doWork(START);

        ticker.doWork(START + 75 * MS);

        assertThat(call.ticksNs).containsExactly(START, START + 75 * MS);
        assertThat(ticker.nextTickNs()).isEqualTo(START + 80 * MS);
        assertThat(ticker.skippedTicks()).isEqualTo(2);
    }

    @Test
    void aCallThatIsOverLeavesAndTheOthersStayInOrder() {
        Recording shortCall = new Recording(1);
        Recording longCall = new Recording(100);
        Recording lastCall = new Recording(100);
        ticker.add(shortCall, START);
        ticker.add(longCall, START);
        ticker.add(lastCall, START);

        ticker.doWork(START);
        assertThat(ticker.doWork(START + 20 * MS)).isEqualTo(2);

        assertThat(shortCall.ticksNs).hasSize(1);
        assertThat(longCall.ticksNs).hasSize(2);
        assertThat(lastCall.ticksNs).hasSize(2);
    }

    @Test
    void aCallJoiningAnIdleTickerStartsOnTheNextGridPoint() {
        ticker.add(new Recording(1), START);
        ticker.doWork(START);
        assertThat(ticker.isIdle()).isTrue();

        long firstTickNs = ticker.add(new Recording(1), START + 1_005 * MS);

        assertThat(firstTickNs).isEqualTo(START + 1_020 * MS);
        assertThat(ticker.nextTickNs()).isEqualTo(firstTickNs);
    }

    @Test
    void aCallJoiningARunningTickerIsServicedByItsNextTick() {
        ticker.add(new Recording(100), START);
        ticker.doWork(START);

        assertThat(ticker.add(new Recording(100), START + 5 * MS)).isEqualTo(START + 20 * MS);
        assertThat(ticker.doWork(START + 20 * MS)).isEqualTo(2);
    }
}
