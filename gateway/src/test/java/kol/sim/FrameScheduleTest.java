package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The caller's send schedule on hand-given times. */
class FrameScheduleTest {
    private static final long MS = 1_000_000L;
    private static final long FIRST = 7_000 * MS;

    private final FrameSchedule schedule = new FrameSchedule(FIRST, 3_000);

    /** Sends every frame due at {@code nowNs}, as a call's tick does; returns how many. */
    private int tick(long nowNs) {
        int sent = 0;
        while (schedule.isDue(nowNs)) {
            schedule.sent();
            sent++;
        }
        return sent;
    }

    @Test
    void aTickOnTheGridSendsExactlyOneFrame() {
        assertThat(tick(FIRST - 1)).isZero();
        assertThat(tick(FIRST)).isEqualTo(1);
        assertThat(tick(FIRST + 20 * MS)).isEqualTo(1);
        assertThat(tick(FIRST + 20 * MS)).isZero();
    }

    @Test
    void aLateTickSendsEveryFrameThatIsDueAndTheNextOneIsBackOnTime() {
        tick(FIRST);

        assertThat(schedule.lateNs(FIRST + 75 * MS)).isEqualTo(55 * MS);
        assertThat(tick(FIRST + 75 * MS)).isEqualTo(3);
        assertThat(schedule.dueOffsetNs()).isEqualTo(80 * MS);
        assertThat(tick(FIRST + 80 * MS)).isEqualTo(1);
    }

    @Test
    void theRateStaysExactOverAMinuteWhateverTheTicksLateness() {
        Random random = new Random(42);
        long nowNs = FIRST;
        for (long gridNs = FIRST; gridNs < FIRST + 60_000 * MS; gridNs += 20 * MS) {
            // Mostly on time, one tick in ten up to 70 ms late; the clock never runs backwards.
            long lateNs = (random.nextInt(10) == 0 ? random.nextInt(70) : random.nextInt(3)) * MS;
            nowNs = Math.max(nowNs, gridNs + lateNs);
            tick(nowNs);

            // Never ahead of the schedule, never behind it after a tick.
            assertThat(schedule.framesSent()).isEqualTo((nowNs - FIRST) / (20 * MS) + 1);
        }
        tick(FIRST + 60_000 * MS);

        assertThat(schedule.framesSent()).isEqualTo(3_000);
        assertThat(tick(FIRST + 120_000 * MS)).isZero();
    }

    @Test
    void isOverOnlyOnceTheLastFramesTwentyMillisecondsHavePassed() {
        FrameSchedule shortCall = new FrameSchedule(FIRST, 2);
        while (shortCall.isDue(FIRST + 20 * MS)) {
            shortCall.sent();
        }

        assertThat(shortCall.framesSent()).isEqualTo(2);
        assertThat(shortCall.isOver(FIRST + 39 * MS)).isFalse();
        assertThat(shortCall.isOver(FIRST + 40 * MS)).isTrue();
    }
}
