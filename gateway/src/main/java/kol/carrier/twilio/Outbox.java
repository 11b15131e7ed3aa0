package kol.carrier.twilio;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The frames the pacer hands to the sockets of one event loop, written there in one task per batch.
 *
 * <p>DESIGN: a frame written to a Vert.x socket from another thread costs that socket a task on its event loop, and
 * the pacer writes a frame for every call every 20 ms: at 1,000 calls that is 50,000 tasks (and as many chances to
 * wake the loop) a second. The pacer serves the calls due in the same millisecond back to back, so collecting their
 * frames here and scheduling one task for whatever has gathered turns those into a task per batch, while each frame
 * still leaves in pacing order. A full outbox (a loop far behind) falls back to the socket's own queue.
 *
 * <p>Threading: {@link #send} from any thread; the frames are written on the context's event loop, in order.
 */
final class Outbox {
    private static final int CAPACITY = 65_536;

    private final Context context;
    private final ManyToOneConcurrentArrayQueue<Pending> pending = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Handler<Void> drain = v -> drain();

    private Outbox(Context context) {
        this.context = context;
    }

    /** The outbox of {@code context}'s event loop, created on first use. */
    static Outbox of(Context context) {
        synchronized (Outbox.class) {
            Outbox outbox = context.get(Outbox.class.getName());
            if (outbox == null) {
                outbox = new Outbox(context);
                context.put(Outbox.class.getName(), outbox);
            }
            return outbox;
        }
    }

    /** Writes {@code frame} to {@code socket} on the event loop, then calls {@code done} with the write's result. */
    void send(ServerWebSocket socket, WebSocketFrame frame, Handler<AsyncResult<Void>> done) {
        if (!pending.offer(new Pending(socket, frame, done))) {
            write(socket, frame, done);
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(drain);
        }
    }

    private void drain() {
        // Cleared first: a frame offered from now on schedules another drain rather than waiting for this one.
        scheduled.set(false);
        Pending next;
        while ((next = pending.poll()) != null) {
            write(next.socket, next.frame, next.done);
        }
    }

    private static void write(ServerWebSocket socket, WebSocketFrame frame, Handler<AsyncResult<Void>> done) {
        try {
            socket.writeFrame(frame).onComplete(done);
        } catch (IllegalStateException closed) {
            // The socket closed after the pacer's check: the call is ending, the frame goes nowhere.
            done.handle(Future.failedFuture(closed));
        }
    }

    private record Pending(ServerWebSocket socket, WebSocketFrame frame, Handler<AsyncResult<Void>> done) {
    }
}
