package kol.sim;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Places simulated Twilio calls against a Kol server, one or thousands, on a Vert.x instance the caller owns
 * (no thread or timer per call: each call lives on one event loop, whose {@link CallTicker} services all of its
 * calls, spread over the phases of the 20 ms cycle).
 *
 * <pre>{@code
 * try (CallSimulator simulator = new CallSimulator(vertx)) {
 *     CallReport report = simulator.run(SimOptions.builder().streamUrl("ws://127.0.0.1:8080/twilio/media")
 *             .duration(Duration.ofSeconds(10)).build()).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@code run} and {@code runMany} may be called from any thread.
 */
public final class CallSimulator implements AutoCloseable {
    /** Twilio sends no frame anywhere near this; it only has to exceed what a bursting server might put in one. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final Vertx vertx;
    private final int eventLoops;
    private final NanoClock clock;
    private final WebSocketClient webSockets;
    private final WebClient web;

    /** A simulator that spreads many calls over as many event loops as Vert.x has by default (two per core). */
    public CallSimulator(Vertx vertx) {
        this(vertx, 2 * Runtime.getRuntime().availableProcessors(), new SystemNanoClock());
    }

    /**
     * A simulator that spreads many calls over {@code eventLoops} contexts: as many as {@code vertx} has event loops
     * puts one {@link CallTicker} on each.
     */
    public CallSimulator(Vertx vertx, int eventLoops) {
        this(vertx, eventLoops, new SystemNanoClock());
    }

    CallSimulator(Vertx vertx, NanoClock clock) {
        this(vertx, 2 * Runtime.getRuntime().availableProcessors(), clock);
    }

    private CallSimulator(Vertx vertx, int eventLoops, NanoClock clock) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("event loops must be at least 1, was " + eventLoops);
        }
        this.vertx = vertx;
        this.eventLoops = eventLoops;
        this.clock = clock;
        // Each call is its own connection; the default cap of 50 would queue a load test's calls behind each other.
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(Integer.MAX_VALUE)
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setClosingTimeout(2));
        this.web = WebClient.create(vertx);
    }

    /** One call on the current (or a new) Vert.x context. */
    public CompletableFuture<CallReport> run(SimOptions options) {
        return run(options, new LiveStats());
    }

    /** One call, counting into {@code live}. */
    public CompletableFuture<CallReport> run(SimOptions options, LiveStats live) {
        return start(options, vertx.getOrCreateContext(), live, 0,
                ResponseLatency.utteranceEndsMs(options.callerAudio()));
    }

    /**
     * {@code calls} concurrent calls spread over the simulator's event loops, their starts spread evenly over
     * {@code ramp}.
     * Recording needs a single call.
     */
    public CompletableFuture<LoadReport> runMany(SimOptions options, int calls, Duration ramp, LiveStats live) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
        if (calls > 1 && (options.recordBot() != null || options.recordCaller() != null)) {
            throw new IllegalArgumentException("recording needs a single call");
        }
        CompletableFuture<LoadReport> done = new CompletableFuture<>();
        List<Context> loops = new CopyOnWriteArrayList<>();
        // Vert.x gives each deployed instance its own context, round-robin over the event loops; a non-Vert.x
        // thread would otherwise get the same sticky event loop for every call.
        int instances = Math.min(calls, eventLoops);
        vertx.deployVerticle(() -> context -> {
            // The event loops keep the simulated Twilio's real time: they run before compilers and GC where the
            // JVM may set thread priorities (see the launcher).
            Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
            loops.add(context);
            return Future.succeededFuture();
        }, new DeploymentOptions().setInstances(instances)).onComplete(deployed -> {
            if (deployed.failed()) {
                done.completeExceptionally(deployed.cause());
                return;
            }
            List<CompletableFuture<CallReport>> reports = new ArrayList<>(calls);
            long rampMs = ramp.toMillis();
            List<Long> utteranceEndsMs = ResponseLatency.utteranceEndsMs(options.callerAudio());
            for (int i = 0; i < calls; i++) {
                long delayMs = rampMs * i / calls;
                reports.add(start(options, loops.get(i % loops.size()), live, delayMs, utteranceEndsMs));
            }
            // Completes once the contexts are undeployed: a caller that closes Vert.x as soon as the report comes
            // would otherwise race the undeploy, and Vert.x logs the loser as an error.
            CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).whenComplete((v, e) ->
                    vertx.undeploy(deployed.result()).onComplete(undeployed -> {
                        if (e != null) {
                            done.completeExceptionally(e);
                        } else {
                            done.complete(new LoadReport(reports.stream().map(CompletableFuture::join).toList()));
                        }
                    }));
        });
        return done;
    }

    private CompletableFuture<CallReport> start(SimOptions options, Context context, LiveStats live, long delayMs,
            List<Long> utteranceEndsMs) {
        try {
            return new SimulatedCall(options, context, webSockets, web, live, clock, this, utteranceEndsMs)
                    .start(delayMs);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot open a recording: "
                    + e.getMessage(), e));
        }
    }

    /** Closes the HTTP and WebSocket clients; the Vert.x instance stays the caller's. */
    @Override
    public void close() {
        webSockets.close();
        web.close();
    }
}
