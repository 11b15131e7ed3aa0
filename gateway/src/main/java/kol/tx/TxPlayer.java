package kol.tx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import kol.audio.G711;

/**
 * Plays a finished piece of μ-law audio (a greeting, a beep, a cached phrase) into a call's {@link TxQueue} as a
 * well-behaved producer: it writes while the queue has room and otherwise waits for room without holding a thread,
 * so it runs at real time plus the lead, however long the audio is. An optional control frame (a mark) follows the
 * last frame. The last frame is padded with μ-law silence.
 */
public final class TxPlayer implements Runnable {
    private final TxQueue queue;
    private final byte[] ulaw;
    private final Frame after;
    private final Executor executor;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final byte[] lastFrame = new byte[Frame.MEDIA_BYTES];
    private int offset;
    private volatile boolean cancelled;

    private TxPlayer(TxQueue queue, byte[] ulaw, Frame after, Executor executor) {
        this.queue = queue;
        this.ulaw = ulaw;
        this.after = after;
        this.executor = executor;
    }

    /**
     * Starts playing {@code ulaw} into {@code queue}, then offers {@code after} (may be null). Producer work runs on
     * {@code executor}, never on the pacer. The returned player's {@link #done()} completes when the last frame
     * (and {@code after}) is queued, or when it is cancelled or the queue closes.
     */
    public static TxPlayer play(TxQueue queue, byte[] ulaw, Frame after, Executor executor) {
        TxPlayer player = new TxPlayer(queue, ulaw, after, executor);
        executor.execute(player);
        return player;
    }

    public CompletableFuture<Void> done() {
        return done;
    }

    /** Stops queuing more audio (barge-in); what is queued already stays until flushed. */
    public void cancel() {
        cancelled = true;
        done.complete(null);
    }

    @Override
    public void run() {
        while (!cancelled && offset < ulaw.length && queue.hasRoom()) {
            int left = ulaw.length - offset;
            OfferResult result;
            if (left >= Frame.MEDIA_BYTES) {
                result = queue.offerMedia(ulaw, offset);
            } else {
                System.arraycopy(ulaw, offset, lastFrame, 0, left);
                java.util.Arrays.fill(lastFrame, left, Frame.MEDIA_BYTES, G711.SILENCE);
                result = queue.offerMedia(lastFrame, 0);
            }
            if (result == OfferResult.CLOSED) {
                done.complete(null);
                return;
            }
            offset += Frame.MEDIA_BYTES;
        }
        if (cancelled) {
            return;
        }
        if (offset >= ulaw.length) {
            if (after != null) {
                queue.offer(after);
            }
            done.complete(null);
            return;
        }
        queue.whenRoom().thenRunAsync(this, executor);
    }
}
