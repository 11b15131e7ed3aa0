package kol.sim;

import kol.audio.Telephony;

/**
 * When the caller's media frames are due: frame {@code k} at {@code firstFrameNs + k × 20 ms}, on a monotonic clock,
 * whatever time the frames before it actually left. A late tick therefore sends every frame that is due and the
 * rate over a call is exactly 50 frames a second; nothing ever re-anchors the schedule to "now".
 *
 * <p>Times are passed in, never read here. One owner thread (the call's event loop).
 */
final class FrameSchedule {
    private final long firstFrameNs;
    private final long totalFrames;
    private long nextDeadlineNs;
    private long framesSent;

    FrameSchedule(long firstFrameNs, long totalFrames) {
        this.firstFrameNs = firstFrameNs;
        this.totalFrames = totalFrames;
        this.nextDeadlineNs = firstFrameNs;
    }

    /** True while a frame is due by {@code nowNs}: send it, then call {@link #sent()}. */
    boolean isDue(long nowNs) {
        return framesSent < totalFrames && nextDeadlineNs - nowNs <= 0;
    }

    /** The due frame's place in the stream, in ns from the first frame (its {@code timestamp}). */
    long dueOffsetNs() {
        return nextDeadlineNs - firstFrameNs;
    }

    /** How late the due frame goes out at {@code nowNs}; meaningful while {@link #isDue}. */
    long lateNs(long nowNs) {
        return nowNs - nextDeadlineNs;
    }

    void sent() {
        framesSent++;
        nextDeadlineNs += Telephony.FRAME_NS;
    }

    long framesSent() {
        return framesSent;
    }

    /** Every frame sent and the last one's 20 ms played out: time to hang up. */
    boolean isOver(long nowNs) {
        return framesSent >= totalFrames && firstFrameNs + totalFrames * Telephony.FRAME_NS - nowNs <= 0;
    }
}
