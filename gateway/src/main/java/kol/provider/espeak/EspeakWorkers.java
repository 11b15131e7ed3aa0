package kol.provider.espeak;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every {@link EspeakTts} shares: synthesis workers that feed espeak-ng and read its output, and one
 * watchdog that kills a stalled process. All are daemons (a pending utterance never keeps the JVM alive) and idle
 * ones end after {@link #IDLE_KEEP_ALIVE_S}, so a gateway that never speaks offline holds none.
 */
final class EspeakWorkers {

    /**
     * A worker mostly waits on the pipe while the espeak-ng process does the work, and an utterance takes it for a
     * few milliseconds to a few hundred (espeak-ng runs tens of times faster than real time). Two per core keeps every
     * core busy with processes; more would only share the CPU among more of them, each finishing later.
     */
    static final int SYNTHESIS_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    static final long IDLE_KEEP_ALIVE_S = 30;

    static final ExecutorService SYNTHESIS = synthesisPool();
    static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private EspeakWorkers() {
    }

    private static ExecutorService synthesisPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SYNTHESIS_THREADS, SYNTHESIS_THREADS, IDLE_KEEP_ALIVE_S,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons("espeak-ng-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, daemons("espeak-ng-watchdog-"));
        watchdog.setKeepAliveTime(IDLE_KEEP_ALIVE_S, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
        // Each utterance cancels its watch when it ends; without this the cancelled watches would pile up.
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
