package kol.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import kol.app.Gateway;
import kol.app.GatewayServer;
import kol.app.Providers;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.gonogo.CallVerdict;
import kol.gonogo.GoNoGo;
import kol.gonogo.GoNoGoReport;
import kol.provider.dialog.DialogSession;
import kol.provider.espeak.EspeakTts;
import kol.provider.flow.FlowDialog;
import kol.sim.CallReport;
import kol.sim.CallSimulator;
import kol.sim.DtmfPress;
import kol.sim.LoadReport;
import kol.sim.SimOptions;
import kol.sim.SimReport;
import kol.tx.TxTelemetry;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kol demo}: starts Kol on its embedded default (the Hebrew clinic flow, espeak-ng, the energy VAD) and
 * places one simulated call against it over a real loopback WebSocket: the caller hears the greeting, speaks, presses
 * a key, talks over the bot once and hangs up. Prints the {@code [TX]} and {@code [TURN]} lines as they come, the
 * caller's view of the call, the GO/NO-GO verdict, and where both sides of the call were recorded.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs Kol on its embedded default and places one simulated call against it; prints the [TX] "
                + "and [TURN] lines, the GO/NO-GO verdict and the WAV recordings of both sides.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = ".kol/demo", description = "Where recordings and the caller's "
            + "generated lines go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--turns", defaultValue = "0", description = "Instead of the scenario: N caller utterances, "
            + "each answered in full, to measure the bot's response time from the audio (e.g. --turns 20).")
    int turns;

    /** Feeds what Kol logs about calls to the GO/NO-GO check, as an operator's log file would. */
    private static final class Feed extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        private static final String[] LOGGERS = {"kol.tx", "kol.call"};
        final GoNoGo check = new GoNoGo();

        Feed() {
            start();
            for (String name : LOGGERS) {
                ((Logger) LoggerFactory.getLogger(name)).addAppender(this);
            }
        }

        @Override
        protected void append(ILoggingEvent event) {
            check.accept(event.getFormattedMessage());
        }

        @Override
        public void close() {
            for (String name : LOGGERS) {
                ((Logger) LoggerFactory.getLogger(name)).detachAppender(this);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = Settings.fromEnvironment().with(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"))
                    .validateAll();
        } catch (SettingsException e) {
            System.err.println("kol demo: bad setting: " + e.getMessage());
            return 2;
        }
        String language = settings.get(Knobs.LANGUAGE);
        EspeakTts tts = EspeakTts.forLanguage(language);
        if (!tts.check().ok()) {
            System.err.println("kol demo: " + tts.check().message());
            return 2;
        }
        DialogSession flow = FlowDialog.builtIn(language).open(null);
        Path cache = out.toAbsolutePath();
        System.out.println("kol demo: preparing the caller's lines with espeak-ng (" + language + ")...");
        DemoScript script = turns > 0 ? DemoScript.latency(language, tts, flow, cache, turns)
                : DemoScript.scenario(language, tts, flow, cache);
        Path botWav = cache.resolve("bot.wav");
        Path callerWav = cache.resolve("caller.wav");
        try (Feed feed = new Feed();
                Gateway gateway = Gateway.start(settings, Providers::conversationApp, TxTelemetry.NONE);
                CallSimulator simulator = new CallSimulator(gateway.vertx())) {
            SimOptions.Builder options = SimOptions.builder()
                    .streamUrl("ws://127.0.0.1:" + gateway.port() + GatewayServer.MEDIA_PATH)
                    .callerAudio(script.callerMuLaw())
                    .duration(Duration.ofMillis(script.durationMs()))
                    .recordBot(botWav).recordCaller(callerWav);
            for (DtmfPress press : script.presses()) {
                options.dtmf(press);
            }
            System.out.printf("kol demo: Kol listens on 127.0.0.1:%d; calling it for %d s...%n", gateway.port(),
                    script.durationMs() / 1000);
            CallReport report = simulator.run(options.build()).get(script.durationMs() + 60_000, TimeUnit.MILLISECONDS);
            Thread.sleep(1500); // the call's last [TX] second
            System.out.println();
            System.out.println("The caller's view:");
            System.out.print(SimReport.text(new LoadReport(List.of(report))));
            List<CallVerdict> verdicts = feed.check.verdicts(List.of(report.callSid()));
            System.out.println();
            System.out.print(GoNoGoReport.text(verdicts));
            System.out.println();
            System.out.println("Recordings: " + botWav + " (the bot as the caller heard it), " + callerWav
                    + " (the caller)");
            return GoNoGo.allGo(verdicts) && report.ok() ? 0 : 1;
        }
    }
}
