package kol.sim;

import java.util.ArrayList;
import java.util.List;
import kol.audio.Telephony;

/**
 * The duty cycle that services every call of one event loop: the 20 ms cycle cut into {@link #PHASES} phases, each
 * call in one of them and serviced once per cycle at its phase's grid point. A thousand calls on their own timers
 * cost some 50,000 event-loop wake-ups a second; a grid of phases costs at most {@code 50 × PHASES} per loop.
 *
 * <p>Why phases and not one tick for all: real callers' streams start at any moment, so Twilio's frames for many
 * calls are spread over the 20 ms. One tick for all would send every call's frame in one burst, making both ends
 * read and write in bursts: arrivals queued behind the simulator's own sends read as jitter that the server did not
 * cause. A new call joins the phase with the fewest calls, so the load is spread evenly.
 *
 * <p>Grid points are fixed ({@code nextTickNs += 20 ms / PHASES}). A late wake-up services each phase whose grid
 * point has passed once, at most one cycle's worth; points further back are passed over and counted in
 * {@link #skippedTicks()}: each call catches up on its own deadlines, so skipping costs nothing but the lateness.
 * A call's first deadline is a grid point of its phase, so a tick on time never finds a frame a hair short of due.
 *
 * <p>Times are passed in, never read here. One owner thread (the event loop); calls join and leave on it.
 */
final class CallTicker {
    /** Phases of the 20 ms cycle: 2 ms apart. */
    static final int PHASES = 10;
    static final long STEP_NS = Telephony.FRAME_NS / PHASES;

    /** A call as the ticker sees it. */
    interface Ticked {
        /** Does the call's periodic work at {@code nowNs}; false once the call is over and leaves the ticker. */
        boolean onTick(long nowNs);
    }

    private final List<List<Ticked>> phases = new ArrayList<>(PHASES);
    private int calls;
    /** The next grid point, and the phase it serves. */
    private long nextTickNs;
    private int nextPhase;
    private long ticks;
    private long skippedTicks;

    CallTicker(long firstTickNs) {
        this.nextTickNs = firstTickNs;
        for (int i = 0; i < PHASES; i++) {
            phases.add(new ArrayList<>());
        }
    }

    /**
     * Adds a call at {@code nowNs} to the phase with the fewest calls (the soonest among equals); returns the first
     * grid point of that phase not before {@code nowNs}, which the call takes as its first frame's deadline. An idle
     * ticker first moves to the first grid point not before {@code nowNs}, keeping its phase.
     */
    long add(Ticked call, long nowNs) {
        if (calls == 0 && nextTickNs - nowNs < 0) {
            step((nowNs - nextTickNs + STEP_NS - 1) / STEP_NS);
        }
        int chosen = 0;
        long chosenTickNs = firstTickNs(0, nowNs);
        for (int ahead = 1; ahead < PHASES; ahead++) {
            int size = phaseAhead(ahead).size();
            int chosenSize = phaseAhead(chosen).size();
            long tickNs = firstTickNs(ahead, nowNs);
            if (size < chosenSize || size == chosenSize && tickNs - chosenTickNs < 0) {
                chosen = ahead;
                chosenTickNs = tickNs;
            }
        }
        phaseAhead(chosen).add(call);
        calls++;
        return chosenTickNs;
    }

    /**
     * The first grid point of the phase {@code ahead} of the next not before {@code nowNs}. A running ticker may
     * still owe that phase an earlier point (its wake-up is pending); servicing the call then finds nothing due yet.
     */
    private long firstTickNs(int ahead, long nowNs) {
        long tickNs = nextTickNs + ahead * STEP_NS;
        if (tickNs - nowNs < 0) {
            tickNs += (nowNs - tickNs + Telephony.FRAME_NS - 1) / Telephony.FRAME_NS * Telephony.FRAME_NS;
        }
        return tickNs;
    }

    boolean isIdle() {
        return calls == 0;
    }

    /** The next grid point, whether or not its phase has calls. */
    long nextTickNs() {
        return nextTickNs;
    }

    /** The next grid point whose phase has calls: when a wake-up has work to do. Not meaningful when idle. */
    long nextDueNs() {
        for (int ahead = 0; ahead < PHASES; ahead++) {
            if (!phaseAhead(ahead).isEmpty()) {
                return nextTickNs + ahead * STEP_NS;
            }
        }
        return nextTickNs;
    }

    /** Wake-ups that found work due. */
    long ticks() {
        return ticks;
    }

    /** Grid points passed over because a wake-up came more than a whole cycle late. */
    long skippedTicks() {
        return skippedTicks;
    }

    /** Services every phase due by {@code nowNs} (at most one cycle); returns the calls serviced (0: none due). */
    int doWork(long nowNs) {
        if (nextTickNs - nowNs > 0) {
            return 0;
        }
        int serviced = 0;
        for (int i = 0; i < PHASES && nextTickNs - nowNs <= 0; i++) {
            List<Ticked> phase = phaseAhead(0);
            step(1);
            serviced += tick(phase, nowNs);
        }
        if (nextTickNs - nowNs <= 0) {
            long missed = (nowNs - nextTickNs) / STEP_NS + 1;
            skippedTicks += missed;
            step(missed);
        }
        ticks++;
        return serviced;
    }

    private int tick(List<Ticked> phase, long nowNs) {
        int serviced = phase.size();
        int kept = 0;
        for (int i = 0; i < serviced; i++) {
            Ticked call = phase.get(i);
            if (call.onTick(nowNs)) {
                phase.set(kept++, call);
            }
        }
        // A call that joined during the tick (from a handler it triggered) sits past the serviced ones.
        for (int i = serviced; i < phase.size(); i++) {
            phase.set(kept++, phase.get(i));
        }
        calls -= phase.size() - kept;
        phase.subList(kept, phase.size()).clear();
        return serviced;
    }

    private List<Ticked> phaseAhead(int ahead) {
        return phases.get((nextPhase + ahead) % PHASES);
    }

    private void step(long gridPoints) {
        nextTickNs += gridPoints * STEP_NS;
        nextPhase = (int) ((nextPhase + gridPoints) % PHASES);
    }
}
