package kol.sim;

import java.util.ArrayList;
import java.util.List;
import kol.audio.Telephony;

/**
 * The duty cycle that services every call of one event loop: one tick per 20 ms for all of them, each call given
 * the same {@code nowNs} once per tick. A thousand calls on their own timers at spread phases cost some 50,000
 * event-loop wake-ups a second; a tick per event loop costs 50 per loop.
 *
 * <p>Ticks fall on a fixed grid ({@code nextTickNs += 20 ms}). A late tick is run once, not once per missed grid
 * point (counted in {@link #skippedTicks()}): each call catches up on its own deadlines, so skipping costs nothing
 * but the lateness. A call that joins starts on the grid, so its frames are due exactly at tick times and a tick
 * that comes on time never finds a frame a hair short of due.
 *
 * <p>Times are passed in, never read here. One owner thread (the event loop); calls join and leave on it.
 */
final class CallTicker {

    /** A call as the ticker sees it. */
    interface Ticked {
        /** Does the call's periodic work at {@code nowNs}; false once the call is over and leaves the ticker. */
        boolean onTick(long nowNs);
    }

    private final List<Ticked> calls = new ArrayList<>();
    private long nextTickNs;
    private long ticks;
    private long skippedTicks;

    CallTicker(long firstTickNs) {
        this.nextTickNs = firstTickNs;
    }

    /**
     * Adds a call at {@code nowNs}; returns the time of the tick that first services it, on the grid, which the call
     * takes as its first frame's deadline. An idle ticker moves to the first grid point not before {@code nowNs},
     * keeping its phase; a running one that is late returns the overdue tick, run as soon as the loop is free.
     */
    long add(Ticked call, long nowNs) {
        if (calls.isEmpty() && nextTickNs - nowNs < 0) {
            nextTickNs += (nowNs - nextTickNs + Telephony.FRAME_NS - 1) / Telephony.FRAME_NS * Telephony.FRAME_NS;
        }
        calls.add(call);
        return nextTickNs;
    }

    boolean isIdle() {
        return calls.isEmpty();
    }

    long nextTickNs() {
        return nextTickNs;
    }

    /** Ticks run so far. */
    long ticks() {
        return ticks;
    }

    /** Grid points passed over because a tick came more than 20 ms late. */
    long skippedTicks() {
        return skippedTicks;
    }

    /** Runs the tick if it is due by {@code nowNs}; returns the calls serviced (0 when not yet due). */
    int doWork(long nowNs) {
        if (nextTickNs - nowNs > 0) {
            return 0;
        }
        int serviced = calls.size();
        int kept = 0;
        for (int i = 0; i < serviced; i++) {
            Ticked call = calls.get(i);
            if (call.onTick(nowNs)) {
                calls.set(kept++, call);
            }
        }
        // A call that joined during the tick (from a handler it triggered) sits past the serviced ones.
        for (int i = serviced; i < calls.size(); i++) {
            calls.set(kept++, calls.get(i));
        }
        calls.subList(kept, calls.size()).clear();
        long missed = (nowNs - nextTickNs) / Telephony.FRAME_NS;
        skippedTicks += missed;
        nextTickNs += (missed + 1) * Telephony.FRAME_NS;
        ticks++;
        return serviced;
    }
}
