package kol.bench;

import kol.tx.Frame;
import kol.tx.FrameSink;

/**
 * A sink that counts what it is given and checks every media frame's size; its send queue drains at once. Written
 * by one pacer thread, read by the benchmark's reporter.
 */
final class CountingSink implements FrameSink {
    volatile long media;
    volatile long control;
    volatile long invalid;

    @Override
    public boolean canAccept() {
        return true;
    }

    @Override
    public int sendQueueFrames() {
        return 0;
    }

    @Override
    public void write(Frame frame) {
        if (frame.isMedia()) {
            if (frame.payload().length != Frame.MEDIA_BYTES) {
                invalid++;
            }
            media++;
        } else {
            control++;
        }
    }
}
