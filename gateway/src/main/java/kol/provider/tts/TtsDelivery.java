package kol.provider.tts;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one synthesis to the listener's contract: audio in order, then exactly one of done or error, nothing after
 * {@code cancel} returns; and fails it when the service goes quiet for the stall timeout.
 *
 * <p>Threads: the transport's callbacks (gRPC or HTTP) call {@link #audio}, {@link #done} and {@link #fail}; the
 * watchdog calls {@link #fail}; {@link #cancel} comes from any thread. The first of done, fail and cancel to set
 * {@code decided} is the end; the listener is told of it, if at all, under {@code lock}, and every {@code onAudio} is
 * made under the same lock after checking {@code decided}. So once {@code cancel} returns nothing more is delivered: a
 * callback already running is waited out, and a {@code cancel} from inside a callback returns at once (the lock is
 * re-entrant). The call in flight is stopped through {@link #transport}, which is replaced as each request starts. A
 * listener that throws ends the synthesis and hears its exception back in {@code onError}.
 */
public final class TtsDelivery {

    private static final long MIN_WATCH_PERIOD_MS = 10;
    /** One daemon thread checks every synthesis in flight; it only compares clocks and cancels calls. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final TtsListener listener;
    private final long stallTimeoutMs;
    private final String service;
    private final Object lock = new Object();
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile Runnable transport = () -> { };
    private volatile long lastProgressNs;
    private volatile ScheduledFuture<?> watch;

    public TtsDelivery(TtsListener listener, long stallTimeoutMs, String service) {
        this.listener = listener;
        this.stallTimeoutMs = stallTimeoutMs;
        this.service = service;
    }

    /** Starts the stall clock. */
    public void start() {
        lastProgressNs = System.nanoTime();
        long periodMs = Math.max(MIN_WATCH_PERIOD_MS, stallTimeoutMs / 4);
        watch = WATCHDOG.scheduleWithFixedDelay(this::checkStall, periodMs, periodMs, TimeUnit.MILLISECONDS);
        if (decided.get()) {
            watch.cancel(false);
        }
    }

    /** The way to stop the call now in flight; run at once when the synthesis has already ended. */
    public void transport(Runnable abort) {
        transport = abort;
        if (decided.get()) {
            abort.run();
        }
    }

    /** The service answered: the stall clock starts again. */
    public void progress() {
        lastProgressNs = System.nanoTime();
    }

    public boolean isOver() {
        return decided.get();
    }

    /** Delivers audio; false when the synthesis has ended (cancelled, failed) and the caller should stop. */
    public boolean audio(byte[] chunk, int off, int len) {
        synchronized (lock) {
            if (decided.get()) {
                return false;
            }
            lastProgressNs = System.nanoTime();
            try {
                listener.onAudio(chunk, off, len);
            } catch (RuntimeException e) {
                fail(e);
            }
            return !decided.get();
        }
    }

    public void done() {
        if (decide()) {
            synchronized (lock) {
                listener.onDone();
            }
        }
    }

    /** Stops the call in flight and reports {@code error}, unless the synthesis already ended. */
    public void fail(Exception error) {
        if (decide()) {
            transport.run();
            synchronized (lock) {
                listener.onError(error);
            }
        }
    }

    /**
     * {@link #done} or {@link #fail} on the watchdog thread, for an end known before any call is made: the caller
     * of {@code synthesize} is never called back from inside it.
     */
    public void endLater(Exception errorOrNull) {
        WATCHDOG.execute(() -> {
            if (errorOrNull == null) {
                done();
            } else {
                fail(errorOrNull);
            }
        });
    }

    public void cancel() {
        decide();
        transport.run();
        synchronized (lock) {
            // Waits out a callback in progress; every later one sees the decision and is dropped.
            decided.set(true);
        }
    }

    /** True for the first end only; stops the stall clock. */
    private boolean decide() {
        boolean first = decided.compareAndSet(false, true);
        ScheduledFuture<?> running = watch;
        if (running != null) {
            running.cancel(false);
        }
        return first;
    }

    private void checkStall() {
        if (!decided.get() && System.nanoTime() - lastProgressNs > TimeUnit.MILLISECONDS.toNanos(stallTimeoutMs)) {
            fail(new IOException(service + " sent no audio for " + stallTimeoutMs + " ms (TTS_STALL_TIMEOUT_MS); "
                    + "the request was cancelled"));
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "google-tts-watchdog-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Each synthesis cancels its watch when it ends; without this the cancelled watches would pile up.
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }
}
