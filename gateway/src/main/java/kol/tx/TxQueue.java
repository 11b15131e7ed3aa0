package kol.tx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one outbound queue of a call: every frame the call sends (media, marks, clear, stop…) goes through it, and
 * only the call's {@link TxPacer} takes frames out.
 *
 * <p>DESIGN: media lives in a fixed ring of preallocated 160-byte slots (no garbage per frame); control frames live
 * in a small ordered list beside it, each stamped with the media sequence number it follows. A control frame is
 * due once every media frame before it has been sent or dropped, so a MARK stays exactly after its audio while
 * media and control are still separate structures, and "control is never dropped" holds by construction. When
 * the ring is full a new media frame overwrites the oldest one (a counted drop); {@link #flushMedia()} is O(1).
 *
 * <p>Back-pressure: a producer may write while the media depth is below its limit (the real-time lead,
 * {@code TX_TARGET_LEAD_FRAMES}, or with the lead off, the high-water mark); at the limit it waits, by
 * {@link #awaitRoom()} on a worker thread or {@link #whenRoom()} asynchronously, until the pacer has drained the
 * queue to the resume mark. Since the pacer drains exactly one frame per 20 ms, a producer that is 20x faster than
 * real time is held to real time plus the lead.
 *
 * <p>Threading: any number of producer threads may offer; one pacer thread polls. State is guarded by one lock per
 * queue (never a global one), held for a few hundred nanoseconds at most and never across I/O.
 */
public final class TxQueue {
    private static final CompletableFuture<Void> ROOM_NOW = CompletableFuture.completedFuture(null);

    private final TxQueueConfig config;
    private final int capacity;
    private final int producerLimit;
    private final int resumeAt;
    private final byte[][] slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();

    // Media ring, as monotonically increasing sequence numbers: slots hold [head, tail).
    private long head;
    private long tail;

    // Control frames in FIFO order, each with the media sequence it follows (ring buffer, grows when needed).
    private Frame[] controls = new Frame[8];
    private long[] controlAfter = new long[8];
    private int controlHead;
    private int controlCount;

    private boolean closed;
    private int blockedWaiters;
    private CompletableFuture<Void> roomFuture;

    // Counters: written under the lock, read by anyone (volatile for visibility without the lock).
    private volatile long mediaOffered;
    private volatile long mediaDropped;
    private volatile long mediaFlushed;
    private volatile long controlOffered;
    private volatile long producerWaits;
    private volatile int maxDepthSinceReset;

    public TxQueue(TxQueueConfig config) {
        this.config = config;
        this.capacity = config.capacityFrames();
        this.producerLimit = config.producerLimitFrames();
        this.resumeAt = config.resumeAtFrames();
        this.slots = new byte[capacity][Frame.MEDIA_BYTES];
    }

    public TxQueueConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- producer side (any thread)

    /** Queues a frame: media by copy into a slot, control frames as they are. */
    public OfferResult offer(Frame frame) {
        return frame.isMedia() ? offerMedia(frame.payload(), 0) : offerControl(frame);
    }

    /**
     * Copies 160 bytes of μ-law from {@code src[off..off+160)} into the next slot. Never blocks: when the ring is
     * full the oldest media frame is dropped (and counted). Producers that respect {@link #hasRoom()} never get here
     * with a full ring.
     */
    public OfferResult offerMedia(byte[] src, int off) {
        if (off < 0 || src.length - off < Frame.MEDIA_BYTES) {
            throw new IllegalArgumentException("A MEDIA frame is exactly " + Frame.MEDIA_BYTES + " bytes; got "
                    + Math.max(0, src.length - off) + " from offset " + off);
        }
        lock.lock();
        try {
            if (closed) {
                return OfferResult.CLOSED;
            }
            OfferResult result = OfferResult.ACCEPTED;
            if (tail - head == capacity) {
                head++;
                mediaDropped++;
                result = OfferResult.ACCEPTED_DROPPED_OLDEST;
            }
            System.arraycopy(src, off, slots[(int) (tail % capacity)], 0, Frame.MEDIA_BYTES);
            tail++;
            mediaOffered++;
            noteDepth();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a control frame after all media queued so far. Control frames are never dropped. */
    public OfferResult offerControl(Frame frame) {
        if (frame.isMedia()) {
            throw new IllegalArgumentException("offerControl takes control frames only");
        }
        lock.lock();
        try {
            if (closed) {
                return OfferResult.CLOSED;
            }
            if (controlCount == controls.length) {
                growControls();
            }
            int at = (controlHead + controlCount) % controls.length;
            controls[at] = frame;
            controlAfter[at] = tail;
            controlCount++;
            controlOffered++;
            noteDepth();
            return OfferResult.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /** True when a producer may write another media frame without running ahead of its lead / high-water mark. */
    public boolean hasRoom() {
        if (!config.backPressure()) {
            return true;
        }
        lock.lock();
        try {
            return closed || tail - head < producerLimit;
        } finally {
            lock.unlock();
        }
    }

    /** How many media frames a producer may write now before it must wait. */
    public int room() {
        if (!config.backPressure()) {
            return Integer.MAX_VALUE;
        }
        lock.lock();
        try {
            return closed ? 0 : (int) Math.max(0, producerLimit - (tail - head));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks the calling (worker) thread until the queue has drained to the resume mark, or the queue is closed.
     * Returns immediately when there is room already. Never spins.
     */
    public void awaitRoom() throws InterruptedException {
        if (!config.backPressure()) {
            return;
        }
        lock.lockInterruptibly();
        try {
            if (closed || tail - head < producerLimit) {
                return;
            }
            producerWaits++;
            blockedWaiters++;
            try {
                while (!closed && tail - head > resumeAt) {
                    room.await();
                }
            } finally {
                blockedWaiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #awaitRoom()} with a time limit; returns false on time-out. */
    public boolean awaitRoom(long timeout, TimeUnit unit) throws InterruptedException {
        if (!config.backPressure()) {
            return true;
        }
        long remainingNs = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            if (closed || tail - head < producerLimit) {
                return true;
            }
            producerWaits++;
            blockedWaiters++;
            try {
                while (!closed && tail - head > resumeAt) {
                    if (remainingNs <= 0) {
                        return false;
                    }
                    remainingNs = room.awaitNanos(remainingNs);
                }
                return true;
            } finally {
                blockedWaiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A future that completes when there is room (at once if there is room now). It is completed on the pacer
     * thread: attach continuations with the {@code *Async} methods so producer work never runs on the pacer.
     */
    public CompletableFuture<Void> whenRoom() {
        if (!config.backPressure()) {
            return ROOM_NOW;
        }
        lock.lock();
        try {
            if (closed || tail - head < producerLimit) {
                return ROOM_NOW;
            }
            producerWaits++;
            if (roomFuture == null) {
                roomFuture = new CompletableFuture<>();
            }
            return roomFuture;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Barge-in: removes every queued media frame at once. Control frames stay, in order (they become due at once,
     * since the audio before them is gone). Waiting producers are released.
     */
    public FlushResult flushMedia() {
        CompletableFuture<Void> wake;
        FlushResult result;
        lock.lock();
        try {
            int removed = (int) (tail - head);
            head = tail;
            mediaFlushed += removed;
            result = new FlushResult(removed, controlCount);
            wake = releaseWaitersLocked();
        } finally {
            lock.unlock();
        }
        complete(wake);
        return result;
    }

    /** Ends the queue: later offers return CLOSED and every waiting producer is released. Queued frames stay. */
    public void close() {
        CompletableFuture<Void> wake;
        lock.lock();
        try {
            closed = true;
            wake = releaseWaitersLocked();
        } finally {
            lock.unlock();
        }
        complete(wake);
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- pacer side (one thread)

    /**
     * Takes the oldest control frame if it is due (every media frame before it has been sent or dropped), else
     * returns null. Pacer only.
     */
    Frame pollDueControl() {
        lock.lock();
        try {
            if (controlCount == 0 || controlAfter[controlHead] > head) {
                return null;
            }
            Frame frame = controls[controlHead];
            controls[controlHead] = null;
            controlHead = (controlHead + 1) % controls.length;
            controlCount--;
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** True when a control frame is due now. Pacer only. */
    boolean hasDueControl() {
        lock.lock();
        try {
            return controlCount > 0 && controlAfter[controlHead] <= head;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies the oldest media frame into {@code dst} and removes it; false when there is none. Wakes producers once
     * the queue has drained to their resume mark. Pacer only.
     */
    boolean pollMedia(byte[] dst) {
        CompletableFuture<Void> wake = null;
        lock.lock();
        try {
            if (head == tail) {
                return false;
            }
            System.arraycopy(slots[(int) (head % capacity)], 0, dst, 0, Frame.MEDIA_BYTES);
            head++;
            if (tail - head <= resumeAt) {
                wake = releaseWaitersLocked();
            }
        } finally {
            lock.unlock();
        }
        complete(wake);
        return true;
    }

    // ---------------------------------------------------------------- counters (any thread)

    /** Frames queued now: media plus control. */
    public int depth() {
        lock.lock();
        try {
            return (int) (tail - head) + controlCount;
        } finally {
            lock.unlock();
        }
    }

    /** Media frames queued now. */
    public int mediaDepth() {
        lock.lock();
        try {
            return (int) (tail - head);
        } finally {
            lock.unlock();
        }
    }

    /** The deepest the queue has been since the last call, and resets that high-water figure to the current depth. */
    public int takeMaxDepth() {
        lock.lock();
        try {
            int max = maxDepthSinceReset;
            maxDepthSinceReset = (int) (tail - head) + controlCount;
            return max;
        } finally {
            lock.unlock();
        }
    }

    public long mediaOffered() {
        return mediaOffered;
    }

    /** Media frames dropped because the queue was full (oldest first). */
    public long mediaDropped() {
        return mediaDropped;
    }

    /** Media frames removed by {@link #flushMedia()} (barge-in); not drops. */
    public long mediaFlushed() {
        return mediaFlushed;
    }

    public long controlOffered() {
        return controlOffered;
    }

    /** Times a producer had to wait for room. */
    public long producerWaits() {
        return producerWaits;
    }

    public int capacity() {
        return capacity;
    }

    // ---------------------------------------------------------------- internals

    private void noteDepth() {
        int depth = (int) (tail - head) + controlCount;
        if (depth > maxDepthSinceReset) {
            maxDepthSinceReset = depth;
        }
    }

    private CompletableFuture<Void> releaseWaitersLocked() {
        if (blockedWaiters > 0) {
            room.signalAll();
        }
        CompletableFuture<Void> wake = roomFuture;
        roomFuture = null;
        return wake;
    }

    private static void complete(CompletableFuture<Void> wake) {
        if (wake != null) {
            wake.complete(null);
        }
    }

    private void growControls() {
        int size = controls.length * 2;
        Frame[] grown = new Frame[size];
        long[] grownAfter = new long[size];
        for (int i = 0; i < controlCount; i++) {
            int from = (controlHead + i) % controls.length;
            grown[i] = controls[from];
            grownAfter[i] = controlAfter[from];
        }
        controls = grown;
        controlAfter = grownAfter;
        controlHead = 0;
    }
}
