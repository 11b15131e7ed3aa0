package kol.conversation;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kol.provider.Cancellable;

/** Delayed tasks for the conversation (the refractory window, waits for STT). Tests use a manual implementation. */
public interface Timers {

    /** Runs {@code task} after {@code delayMs}; the result cancels it. */
    Cancellable schedule(long delayMs, Runnable task);

    /** Timers on a scheduled executor. */
    static Timers of(ScheduledExecutorService scheduler) {
        return (delayMs, task) -> {
            ScheduledFuture<?> future = scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
