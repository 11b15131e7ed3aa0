package kol.carrier;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Which of Kol's marks the caller has actually heard. Every mark sent is remembered (with the number of media frames
 * sent before it) until its echo comes back. A clear starts a new playback generation: marks sent before it are
 * echoed at once by the carrier, looking exactly like played ones, and must count as cleared.
 *
 * <p>Thread-safe: marks and clears are recorded on the pacer thread, echoes arrive on the carrier thread.
 */
public final class PlaybackTracker {
    private record Pending(String name, long generation, long mediaFramesBefore, long sentAtNs) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long generation;
    private long mediaFramesSent;
    private long framesHeard;
    private long played;
    private long cleared;

    /** A media frame went to the carrier. */
    public synchronized void onMediaSent() {
        mediaFramesSent++;
    }

    /** A mark went to the carrier. */
    public synchronized void onMarkSent(String name, long nowNs) {
        pending.add(new Pending(name, generation, mediaFramesSent, nowNs));
    }

    /** A clear went to the carrier: everything sent before it that has not played never will. */
    public synchronized void onClearSent() {
        generation++;
    }

    /** The carrier echoed mark {@code name}. */
    public synchronized MarkEcho onEcho(String name, long nowNs) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending mark = it.next();
            if (mark.name().equals(name)) {
                it.remove();
                if (mark.generation() < generation) {
                    cleared++;
                    return new MarkEcho(name, MarkOutcome.CLEARED, mark.mediaFramesBefore(), mark.sentAtNs(), nowNs);
                }
                played++;
                framesHeard = Math.max(framesHeard, mark.mediaFramesBefore());
                return new MarkEcho(name, MarkOutcome.PLAYED, mark.mediaFramesBefore(), mark.sentAtNs(), nowNs);
            }
        }
        return new MarkEcho(name, MarkOutcome.UNKNOWN, -1, 0, nowNs);
    }

    /** Media frames sent to the carrier so far. */
    public synchronized long mediaFramesSent() {
        return mediaFramesSent;
    }

    /** Media frames the caller is known to have heard: those before the latest played mark. */
    public synchronized long framesHeard() {
        return framesHeard;
    }

    /** Marks sent and not yet echoed. */
    public synchronized int pendingMarks() {
        return pending.size();
    }

    /** The current playback generation (clears sent so far). */
    public synchronized long generation() {
        return generation;
    }

    public synchronized long playedMarks() {
        return played;
    }

    public synchronized long clearedMarks() {
        return cleared;
    }
}
