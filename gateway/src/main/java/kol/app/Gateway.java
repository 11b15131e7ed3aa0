package kol.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kol.base.Knobs;
import kol.base.Settings;
import kol.carrier.CallApp;
import kol.tx.TxLogReporter;
import kol.tx.TxPacer;
import kol.tx.TxTelemetry;
import org.slf4j.LoggerFactory;

/**
 * A running Kol: Vert.x, the TX pacer and its log reporter, the producers' executor, the call application and the
 * server, started together and closed together.
 */
public final class Gateway implements AutoCloseable {
    private final Vertx vertx;
    private final TxLogReporter reporter;
    private final TxPacer pacer;
    private final ExecutorService producers;
    private final GatewayServer server;
    private final CallApp app;

    private Gateway(Vertx vertx, TxLogReporter reporter, TxPacer pacer, ExecutorService producers,
            GatewayServer server, CallApp app) {
        this.vertx = vertx;
        this.app = app;
        this.reporter = reporter;
        this.pacer = pacer;
        this.producers = producers;
        this.server = server;
    }

    /** The factory of the call application, given the producers' executor. */
    @FunctionalInterface
    public interface AppFactory {
        CallApp create(Settings settings, ExecutorService producers) throws Exception;
    }

    /** Starts Kol with the application {@code apps} builds; blocks until the server listens. */
    public static Gateway start(Settings settings, AppFactory apps, TxTelemetry telemetry) throws Exception {
        settings.validateAll();
        Vertx vertx = Transports.vertx(new VertxOptions(), settings.get(Knobs.NET_TRANSPORT));
        TxLogReporter reporter = new TxLogReporter(settings.get(Knobs.TX_LOG), telemetry);
        TxPacer pacer = TxPacer.start(settings.get(Knobs.TX_PACER_THREADS), reporter);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService producers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime()
                .availableProcessors()), r -> {
                    Thread thread = new Thread(r, "kol-producer-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    // Producers keep each call's queue at real time plus the lead: audio path, like the pacer.
                    thread.setPriority(Thread.MAX_PRIORITY);
                    return thread;
                });
        CallApp app = null;
        try {
            app = apps.create(settings, producers);
            GatewayServer server = GatewayServer.start(vertx, settings, app, pacer).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new Gateway(vertx, reporter, pacer, producers, server, app);
        } catch (Exception e) {
            if (app != null) {
                app.close();
            }
            pacer.close();
            reporter.close();
            producers.shutdownNow();
            vertx.close();
            throw e;
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public GatewayServer server() {
        return server;
    }

    public TxPacer pacer() {
        return pacer;
    }

    public int port() {
        return server.port();
    }

    /** Stops taking calls, closes every socket, stops the pacer and Vert.x. Never hangs on a stuck client. */
    @Override
    public void close() {
        server.stopAccepting();
        await(server.close(), "closing the server");
        pacer.close();
        producers.shutdownNow();
        app.close();
        await(vertx.close(), "closing Vert.x");
        reporter.close();
    }

    private static void await(io.vertx.core.Future<Void> future, String what) {
        try {
            future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LoggerFactory.getLogger("kol.server").warn("Gave up {} after 5 s: {}", what, e.toString());
        }
    }
}
