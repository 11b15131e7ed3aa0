package kol.provider.flow;

import kol.provider.Cancellable;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.ReplyListener;

/**
 * Hands one reply to its listener: a sentence per {@code onText}, then the action, then {@code onDone}.
 *
 * <p>Each call into the listener happens under the same lock as {@link #cancel()} and only if not yet cancelled, so
 * once {@code cancel()} returns nothing more arrives, even when the delivery runs on another thread. The lock is the
 * delivery's own and is never taken by anything else, so a listener that cancels from inside a callback (the same
 * thread, a reentrant monitor) cannot deadlock.
 */
final class ReplyDelivery implements Runnable, Cancellable {
    private final Speech speech;
    private final DialogAction action;
    private final ReplyListener listener;
    private boolean cancelled;

    /** {@code action} is what to ask for after the words, or null for nothing. */
    ReplyDelivery(Speech speech, DialogAction action, ReplyListener listener) {
        this.speech = speech;
        this.action = action;
        this.listener = listener;
    }

    @Override
    public void run() {
        int last = speech.sentences().size() - 1;
        for (int i = 0; i <= last; i++) {
            // The space keeps the deltas' concatenation equal to the reply's text.
            String sentence = speech.sentences().get(i);
            if (!text(i < last ? sentence + " " : sentence)) {
                return;
            }
        }
        if (action != null && !action()) {
            return;
        }
        done();
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
    }

    private synchronized boolean text(String delta) {
        if (!cancelled) {
            listener.onText(delta);
        }
        return !cancelled;
    }

    private synchronized boolean action() {
        if (!cancelled) {
            listener.onAction(action);
        }
        return !cancelled;
    }

    private synchronized void done() {
        if (!cancelled) {
            cancelled = true;
            listener.onDone();
        }
    }
}
