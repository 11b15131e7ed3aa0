package kol.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kol.app.Gateway;
import kol.app.GatewayServer;
import kol.app.Providers;
import kol.audio.Wav;
import kol.base.Settings;
import kol.provider.espeak.EspeakTts;
import kol.provider.flow.FlowDialog;
import kol.sim.CallReport;
import kol.sim.CallSimulator;
import kol.sim.SimOptions;
import kol.tx.TxTelemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded default end to end, as {@code ./kol demo} runs it: the Hebrew clinic flow, espeak-ng and the energy
 * VAD behind the real server, called by the simulator over loopback with spoken Hebrew, a key press and a barge-in.
 */
class DemoCallTest {

    @Test
    void theDemoCallListensAnswersTakesAKeyAndIsCutOffOnce(@TempDir Path dir) throws Exception {
        EspeakTts tts = EspeakTts.forLanguage("he-IL");
        assumeTrue(tts.check().ok(), () -> "espeak-ng is needed: " + tts.check().message());
        DemoScript script = DemoScript.scenario("he-IL", tts, FlowDialog.builtIn("he-IL").open(null), dir);
        ListAppender<ILoggingEvent> turns = new ListAppender<>();
        turns.start();
        ((Logger) LoggerFactory.getLogger("kol.turn")).addAppender(turns);
        Settings settings = Settings.of(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1", "TX_LOG", "false"));
        try (Gateway gateway = Gateway.start(settings, Providers::conversationApp, TxTelemetry.NONE);
                CallSimulator simulator = new CallSimulator(gateway.vertx())) {
            SimOptions.Builder options = SimOptions.builder()
                    .streamUrl("ws://127.0.0.1:" + gateway.port() + GatewayServer.MEDIA_PATH)
                    .callerAudio(script.callerMuLaw()).duration(Duration.ofMillis(script.durationMs()))
                    .recordBot(dir.resolve("bot.wav"));
            script.presses().forEach(options::dtmf);
            CallReport report = simulator.run(options.build()).get(script.durationMs() + 30_000,
                    TimeUnit.MILLISECONDS);

            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.clears()).as("the caller talked over the bot once").isEqualTo(1);
            assertThat(report.dtmfSent()).isEqualTo(1);
            assertThat(report.responsesMs()).as("both utterances answered").hasSize(2);
            assertThat(report.responsesMs()).allSatisfy(ms -> assertThat(ms).isBetween(150L, 800L));
            assertThat(Wav.read(dir.resolve("bot.wav")).durationMs()).isGreaterThan(script.durationMs() - 2000);
        } finally {
            ((Logger) LoggerFactory.getLogger("kol.turn")).detachAppender(turns);
        }
        List<String> lines = turns.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.startsWith("[TURN]")).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(l -> l.contains("vad_end=") && l.contains("first_sent=") && l.contains("total="));
        assertThat(lines).anyMatch(l -> l.startsWith("[HEARD]") && l.contains("dtmf=1"));
        assertThat(lines).anyMatch(l -> l.startsWith("[BARGE-IN]"));
    }
}
