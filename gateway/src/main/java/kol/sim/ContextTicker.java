package kol.sim;

import io.vertx.core.Context;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.NanoClock;

/**
 * Drives one {@link CallTicker} from a single one-shot timer on one Vert.x context, re-armed after every tick for the
 * next grid point that has calls, and disarmed while no call is up. A one-shot timer aimed at an absolute deadline
 * keeps the grid exact where a periodic one would drift by each tick's lateness. A call that joins a phase due
 * before the armed time arms a sooner timer; the later one finds itself superseded and does nothing.
 *
 * <p>Thread rule: {@link #on} and {@link #add} run on the context's thread, and so does every tick.
 */
final class ContextTicker {
    private final Context context;
    private final NanoClock clock;
    private final CallTicker ticker;
    /** When the live timer fires; meaningful while {@link #armed}. */
    private long armedForNs;
    private boolean armed;
    /** Counts timers armed: a timer that fires with an older number was superseded. */
    private long generation;

    private ContextTicker(Context context, NanoClock clock) {
        this.context = context;
        this.clock = clock;
        this.ticker = new CallTicker(clock.nanoTime());
    }

    /**
     * The ticker of {@code owner} (one per simulator, so two simulators with different clocks never share one) on
     * the current {@code context}, created on first use. It lives in the context's data, so it goes with the context.
     */
    static ContextTicker on(Context context, Object owner, NanoClock clock) {
        ContextTicker ticker = context.get(owner);
        if (ticker == null) {
            ticker = new ContextTicker(context, clock);
            context.put(owner, ticker);
        }
        return ticker;
    }

    /** Adds a call; returns the time of its first tick (see {@link CallTicker#add}). */
    long add(CallTicker.Ticked call) {
        long firstTickNs = ticker.add(call, clock.nanoTime());
        if (!armed || firstTickNs - armedForNs < 0) {
            arm();
        }
        return firstTickNs;
    }

    private void onTimer(long timerGeneration) {
        if (timerGeneration != generation) {
            return;
        }
        // A timer may fire a hair early; then the tick is not due yet and the timer is simply re-armed.
        ticker.doWork(clock.nanoTime());
        if (ticker.isIdle()) {
            armed = false;
        } else {
            arm();
        }
    }

    private void arm() {
        armed = true;
        armedForNs = ticker.nextDueNs();
        long timerGeneration = ++generation;
        // Vert.x refuses a delay under 1 (ns here): an overdue tick is asked for 1 ns from now.
        long delayNs = Math.max(1, armedForNs - clock.nanoTime());
        context.owner().timer(delayNs, TimeUnit.NANOSECONDS).onSuccess(v -> onTimer(timerGeneration));
    }
}
