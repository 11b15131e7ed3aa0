package kol.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kol.tx.TxPacer;

/**
 * The alternative the pacer benchmark measures Kol's design against: each pacer lane driven from a Vert.x event
 * loop by a 1 ms periodic timer, as a design that reuses the socket threads would do.
 */
final class EventLoopDriver implements AutoCloseable {
    private final Vertx vertx;
    private final List<Long> timers = new ArrayList<>();

    EventLoopDriver(TxPacer pacer) throws InterruptedException {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(pacer.laneCount()));
        CountDownLatch started = new CountDownLatch(pacer.laneCount());
        for (int lane = 0; lane < pacer.laneCount(); lane++) {
            int index = lane;
            Context context = vertx.getOrCreateContext();
            context.runOnContext(v -> {
                synchronized (timers) {
                    timers.add(vertx.setPeriodic(1, id -> pacer.doWork(index, System.nanoTime())));
                }
                started.countDown();
            });
        }
        started.await(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        synchronized (timers) {
            timers.forEach(vertx::cancelTimer);
        }
        vertx.close();
    }
}
