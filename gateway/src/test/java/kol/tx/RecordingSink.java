package kol.tx;

import java.util.ArrayList;
import java.util.List;

/** A sink that records every frame with the time it was written, and whose send queue can be filled by hand. */
final class RecordingSink implements FrameSink {
    record Sent(Frame frame, long atNs) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final long[] clock;
    private int sendQueue;
    private int sendQueueLimit = Integer.MAX_VALUE;
    boolean detached;

    /** @param clock a one-element array holding "now" (shared with the test's manual clock) */
    RecordingSink(long[] clock) {
        this.clock = clock;
    }

    void setSendQueue(int frames, int limit) {
        this.sendQueue = frames;
        this.sendQueueLimit = limit;
    }

    @Override
    public boolean canAccept() {
        return sendQueue < sendQueueLimit;
    }

    @Override
    public int sendQueueFrames() {
        return sendQueue;
    }

    @Override
    public void write(Frame frame) {
        if (!canAccept()) {
            throw new AssertionError("write while the send queue is full");
        }
        Frame copy = frame.isMedia() ? Frame.media(frame.payload()) : frame;
        sent.add(new Sent(copy, clock[0]));
    }

    @Override
    public void onPacerDetached() {
        detached = true;
    }

    List<Sent> sent() {
        return sent;
    }

    List<Frame> frames() {
        return sent.stream().map(Sent::frame).toList();
    }

    List<Long> mediaTimes() {
        return sent.stream().filter(s -> s.frame().isMedia()).map(Sent::atNs).toList();
    }
}
