package kol.cli;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import kol.app.Transports;
import kol.base.Knobs;
import kol.base.Settings;
import kol.gonogo.CallVerdict;
import kol.gonogo.GoNoGo;
import kol.gonogo.GoNoGoReport;
import kol.sim.CallReport;
import kol.sim.CallSimulator;
import kol.sim.CallerAudio;
import kol.sim.DtmfPress;
import kol.sim.LiveStats;
import kol.sim.LoadReport;
import kol.sim.SimOptions;
import kol.sim.SimReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kol call}: one or many simulated Twilio calls against a Kol server, measured from the caller's side. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Calls a Kol server the way Twilio Media Streams does (optionally through the voice webhook), "
                + "plays the bot's audio out in real time and reports fps, jitter, playout buffer, underruns, "
                + "marks, clears and invalid messages. Exit 0 when every call completed with no invalid message "
                + "(and GO with --gonogo-log), 1 otherwise, 2 when it could not connect.")
public final class CallCommand implements Callable<Integer> {
    /** The server writes a call's last [TX] line up to a second after it ends; wait a little longer. */
    private static final long LOG_SETTLE_MS = 1500;

    @Option(names = "--url", defaultValue = SimOptions.DEFAULT_STREAM_URL,
            description = "Media Stream WebSocket URL (default ${DEFAULT-VALUE}); ignored with --webhook.")
    String url;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "Voice webhook to POST first, like Twilio; its TwiML <Connect><Stream> names the stream.")
    String webhook;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "Twilio auth token for X-Twilio-Signature (default: env TWILIO_AUTH_TOKEN; none: unsigned).")
    String authToken;

    @Option(names = "--caller", paramLabel = "FILE.wav",
            description = "What the caller says (any rate, PCM16 or μ-law); silence follows. Default: silence.")
    File caller;

    @Option(names = "--dtmf", paramLabel = "DIGIT@SECONDS",
            description = "A key press, e.g. 1@5.0; repeatable.")
    List<String> dtmf = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "20", description = "Call length (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--record", paramLabel = "OUT.wav",
            description = "Write the bot's audio as the caller heard it (μ-law 8 kHz).")
    File record;

    @Option(names = "--record-caller", paramLabel = "OUT.wav", description = "Write what the caller sent.")
    File recordCaller;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON.")
    File json;

    @Option(names = "--calls", defaultValue = "1", description = "Concurrent calls (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--ramp-seconds", defaultValue = "0", paramLabel = "S",
            description = "Spread the call starts over S seconds (default ${DEFAULT-VALUE}).")
    double rampSeconds;

    @Option(names = "--gonogo-log", paramLabel = "SERVER_LOG_FILE",
            description = "After the calls, run the GO/NO-GO check on the server's log for these calls.")
    File gonogoLog;

    @Option(names = "--quiet", description = "No per-second line.")
    boolean quiet;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "Simulator event loops, each ticking its calls every 20 ms (default: one per core).")
    int eventLoops = Runtime.getRuntime().availableProcessors();

    @Option(names = "--warmup-calls", defaultValue = "0", paramLabel = "N",
            description = "First run N calls that are not counted, so both JVMs have compiled their hot paths "
                    + "(the start and end of a call included) before the measured calls (default ${DEFAULT-VALUE}).")
    int warmupCalls;

    @Option(names = "--warmup-seconds", defaultValue = "10", paramLabel = "S",
            description = "Length of each warm-up call; their starts spread over the first half (default "
                    + "${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Override
    public Integer call() throws Exception {
        SimOptions options;
        SimOptions warmup;
        try {
            options = options(seconds, true);
            warmup = warmupCalls > 0 ? options(warmupSeconds, false) : null;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("kol call: " + e.getMessage());
            return 2;
        }
        Vertx vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops),
                Settings.fromEnvironment().get(Knobs.NET_TRANSPORT));
        LoadReport report;
        try (CallSimulator simulator = new CallSimulator(vertx, eventLoops)) {
            LiveStats measured = new LiveStats();
            AtomicReference<LiveStats> live = new AtomicReference<>(warmup != null ? new LiveStats() : measured);
            if (!quiet) {
                vertx.setPeriodic(1000, id -> {
                    var second = live.get().sample();
                    System.out.println(live.get() != measured ? "warm-up " + second.loadLine()
                            : calls == 1 ? second.callLine() : second.loadLine());
                });
            }
            if (warmup != null) {
                System.out.println("Warming up with " + warmupCalls + " calls for " + seconds(warmup.duration())
                        + " s (not counted)");
                if (warmup.duration().compareTo(options.duration()) < 0) {
                    System.err.println("kol call: the warm-up calls are shorter than the measured ones: what a "
                            + "call does late (the end of the bot's greeting and its mark) will first run under "
                            + "the measured load, while the JIT compiles it; give --warmup-seconds at least "
                            + "--seconds");
                }
                LoadReport warm = simulator.runMany(warmup, warmupCalls,
                        Duration.ofMillis(Math.round(warmupSeconds * 500)), live.get()).join();
                System.out.println("Warm-up: " + warm.connected() + " of " + warmupCalls + " calls connected");
                if (warm.connected() == 0) {
                    System.err.println("kol call: " + warm.calls().get(0).failure());
                    return 2;
                }
            }
            live.set(measured);
            System.out.println("Calling " + (webhook != null ? "webhook " + webhook : url)
                    + (calls > 1 ? " with " + calls + " calls" : "") + " for " + seconds(options.duration()) + " s");
            report = simulator.runMany(options, calls, Duration.ofMillis(Math.round(rampSeconds * 1000)), measured)
                    .join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            System.err.println("kol call: " + cause.getMessage());
            return 2;
        } finally {
            vertx.close().await();
        }
        if (report.connected() == 0) {
            System.err.println("kol call: " + report.calls().get(0).failure());
            return 2;
        }
        System.out.println();
        System.out.print(SimReport.text(report));
        List<CallVerdict> verdicts = gonogoLog == null ? null : gonogo(report);
        if (gonogoLog != null && verdicts == null) {
            return 2;
        }
        if (json != null) {
            var document = SimReport.json(report);
            if (verdicts != null) {
                document.put("gonogo", GoNoGoReport.json(verdicts));
            }
            Files.writeString(json.toPath(), document.encodePrettily() + "\n");
        }
        boolean go = verdicts == null || GoNoGo.allGo(verdicts);
        return report.ok() && go ? 0 : 1;
    }

    /** The calls' options, lasting {@code callSeconds}; the warm-up ({@code measured} false) records nothing. */
    private SimOptions options(double callSeconds, boolean measured) throws IOException {
        if (calls < 1 || seconds < 0.02 || rampSeconds < 0 || eventLoops < 1 || warmupCalls < 0
                || warmupSeconds < 0.02) {
            throw new IllegalArgumentException("--calls and --event-loops must be at least 1, --seconds and "
                    + "--warmup-seconds at least 0.02, --ramp-seconds and --warmup-calls not negative");
        }
        if (calls > 1 && (record != null || recordCaller != null)) {
            throw new IllegalArgumentException("--record and --record-caller need --calls 1");
        }
        SimOptions.Builder builder = SimOptions.builder().streamUrl(url).webhookUrl(webhook)
                .authToken(authToken != null ? authToken : System.getenv("TWILIO_AUTH_TOKEN"))
                .duration(Duration.ofMillis(Math.round(callSeconds * 1000)))
                .recordBot(record == null || !measured ? null : record.toPath())
                .recordCaller(recordCaller == null || !measured ? null : recordCaller.toPath());
        if (caller != null) {
            builder.callerAudio(CallerAudio.load(caller.toPath()));
        }
        for (String press : dtmf) {
            DtmfPress parsed = DtmfPress.parse(press);
            if (parsed.atMs() >= Math.round(callSeconds * 1000)) {
                if (!measured) {
                    continue; // a short warm-up call simply ends before this key press
                }
                throw new IllegalArgumentException("--dtmf " + press + " falls after the call ends ("
                        + seconds(Duration.ofMillis(Math.round(callSeconds * 1000))) + " s)");
            }
            builder.dtmf(parsed);
        }
        return builder.build();
    }

    private static String seconds(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.2f", ms / 1e3);
    }

    /** Verdicts for the simulated calls from the server's log; null (after saying why) when it cannot be read. */
    private List<CallVerdict> gonogo(LoadReport report) throws InterruptedException {
        Thread.sleep(LOG_SETTLE_MS);
        List<String> callSids = report.calls().stream()
                .filter(c -> c.outcome() != CallReport.Outcome.CONNECT_FAILED).map(CallReport::callSid).toList();
        List<CallVerdict> verdicts;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(gonogoLog.toPath()), StandardCharsets.UTF_8))) {
            verdicts = GoNoGo.check(reader.lines(), callSids);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("kol call: cannot read the server log " + gonogoLog + ": " + e.getMessage());
            return null;
        }
        System.out.println();
        System.out.println("GO/NO-GO from " + gonogoLog + ":");
        System.out.print(verdicts.size() > 10 ? verdicts.stream().filter(v -> !v.go()).limit(10)
                .map(v -> v.callId() + "  NO-GO  " + String.join("; ", v.reasons()) + "\n")
                .reduce("", String::concat) + GoNoGoReport.overallLine(verdicts) + "\n"
                : GoNoGoReport.text(verdicts));
        return verdicts;
    }
}
