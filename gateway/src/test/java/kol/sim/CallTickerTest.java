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

    private static final long STEP = CallTicker.STEP_NS;

    @Test
    void spreadsCallsOverThePhasesSoonestFirst() {
        List<Long> firstTicks = new ArrayList<>();
        for (int i = 0; i < 2 * CallTicker.PHASES; i++) {
            firstTicks.add(ticker.add(new Recording(100), START));
        }

        for (int i = 0; i < firstTicks.size(); i++) {
            assertThat(firstTicks.get(i)).as("call %d", i).isEqualTo(START + i % CallTicker.PHASES * STEP);
        }
    }

    @Test
    void servicesEachCallOnceACycleAtItsPhasesGridPoint() {
        Recording first = new Recording(100);
        Recording second = new Recording(100);
        ticker.add(first, START);
        ticker.add(second, START);

        assertThat(ticker.doWork(START)).isEqualTo(1);
        assertThat(ticker.doWork(START + STEP)).isEqualTo(1);
        assertThat(ticker.doWork(START + 20 * MS)).isEqualTo(1);

        assertThat(first.ticksNs).containsExactly(START, START + 20 * MS);
        assertThat(second.ticksNs).containsExactly(START + STEP);
    }

    @Test
    void anEarlyWakeUpDoesNoWork() {
        Recording call = new Recording(100);
        ticker.add(call, START);
        ticker.doWork(START);

        assertThat(ticker.doWork(START + STEP - 1)).isZero();
        assertThat(call.ticksNs).containsExactly(START);
        assertThat(ticker.ticks()).isEqualTo(1);
    }

    @Test
    void theNextWakeUpIsTheNextPhaseWithCalls() {
        ticker.add(new Recording(100), START);
        ticker.doWork(START);

        assertThat(ticker.nextTickNs()).isEqualTo(START + STEP);
        assertThat(ticker.nextDueNs()).isEqualTo(START + 20 * MS);
    }

    @Test
    void aLateWakeUpServicesEachPhaseOnceAndTheGridKeepsItsPhase() {
        Recording first = new Recording(100);
        Recording second = new Recording(100);
        ticker.add(first, START);
        ticker.add(second, START);
        ticker.doWork(START);

        assertThat(ticker.doWork(START + 75 * MS)).isEqualTo(2);

        assertThat(first.ticksNs).containsExactly(START, START + 75 * MS);
        assertThat(second.ticksNs).containsExactly(START + 75 * MS);
        // Points START + 2 ms … START + 20 ms were serviced; START + 22 ms … START + 74 ms were passed over.
        assertThat(ticker.skippedTicks()).isEqualTo(27);
        assertThat(ticker.nextTickNs()).isEqualTo(START + 76 * MS);
    }

    @Test
    void aCallThatIsOverLeavesAndItsPhaseTakesTheNextCall() {
        Recording shortCall = new Recording(1);
        ticker.add(shortCall, START);
        for (int i = 1; i < CallTicker.PHASES; i++) {
            ticker.add(new Recording(100), START);
        }
        ticker.doWork(START + 18 * MS);
        assertThat(shortCall.ticksNs).hasSize(1);

        // Every phase but the first holds one call; the short call's left it empty, due again at START + 20 ms.
        assertThat(ticker.add(new Recording(100), START + 19 * MS)).isEqualTo(START + 20 * MS);
        assertThat(ticker.doWork(START + 20 * MS)).isEqualTo(1);
    }

    @Test
    void aCallJoiningAnIdleTickerStartsOnTheNextGridPoint() {
        ticker.add(new Recording(1), START);
        ticker.doWork(START);
        assertThat(ticker.isIdle()).isTrue();

        long firstTickNs = ticker.add(new Recording(1), START + 1_005 * MS);

        assertThat(firstTickNs).isEqualTo(START + 1_006 * MS);
        assertThat(ticker.nextTickNs()).isEqualTo(firstTickNs);
    }

    @Test
    void aCallJoiningARunningTickerStartsOnAGridPointStillAhead() {
        ticker.add(new Recording(100), START);
        ticker.doWork(START);

        // The points at START + 2 and 4 ms are not serviced yet but already past: the next free one is START + 6 ms.
        long firstTickNs = ticker.add(new Recording(100), START + 5 * MS);

        assertThat(firstTickNs).isEqualTo(START + 6 * MS);
        assertThat(ticker.nextDueNs()).isEqualTo(firstTickNs);
        assertThat(ticker.doWork(START + 6 * MS)).isEqualTo(1);
    }
}
