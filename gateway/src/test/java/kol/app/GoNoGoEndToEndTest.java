package kol.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kol.audio.Tones;
import kol.base.Settings;
import kol.carrier.CallListener;
import kol.gonogo.CallVerdict;
import kol.gonogo.GoNoGo;
import kol.sim.CallReport;
import kol.sim.CallSimulator;
import kol.sim.SimOptions;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import kol.tx.TxTelemetry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The production checklist end to end: a long simulated call against the real server is GO; a producer that
 * ignores the real-time lead and back-pressure is NO-GO, for the right reasons.
 */
class GoNoGoEndToEndTest {

    /** Feeds every line the TX logger writes to a GO/NO-GO check, as an operator's log file would. */
    private static final class Feed extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        final GoNoGo check = new GoNoGo();

        Feed() {
            start();
            ((Logger) LoggerFactory.getLogger("kol.tx")).addAppender(this);
            ((Logger) LoggerFactory.getLogger("kol.call")).addAppender(this);
        }

        @Override
        protected void append(ILoggingEvent event) {
            check.accept(event.getFormattedMessage());
        }

        @Override
        public void close() {
            ((Logger) LoggerFactory.getLogger("kol.tx")).detachAppender(this);
            ((Logger) LoggerFactory.getLogger("kol.call")).detachAppender(this);
        }
    }

    private static CallVerdict callThrough(Gateway.AppFactory app, Duration length) throws Exception {
        Settings settings = Settings.of(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"));
        try (Feed feed = new Feed(); Gateway gateway = Gateway.start(settings, app, TxTelemetry.NONE);
                CallSimulator simulator = new CallSimulator(gateway.vertx())) {
            CallReport report = simulator.run(SimOptions.builder()
                    .streamUrl("ws://127.0.0.1:" + gateway.port() + GatewayServer.MEDIA_PATH)
                    .duration(length).build()).get(length.toSeconds() + 30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(report.ok()).as("the call itself completed cleanly: %s", report).isTrue();
            Thread.sleep(1500); // the last [TX] second
            List<CallVerdict> verdicts = feed.check.verdicts(List.of(report.callSid()));
            return verdicts.get(0);
        }
    }

    @Test
    void aThreeMinuteCallIsGo() throws Exception {
        byte[] speech = Tones.sineMuLaw(440, -14, 170_000);
        CallVerdict verdict = callThrough((s, producers) -> new GreetingApp(speech, producers), Duration.ofMinutes(3));
        assertThat(verdict.go()).as("reasons: %s", verdict.reasons()).isTrue();
        assertThat(verdict.figures().speechSeconds()).isGreaterThanOrEqualTo(160);
    }

    @Test
    void aProducerWithoutLeadOrBackPressureIsNoGo() throws Exception {
        byte[] speech = Tones.sineMuLaw(440, -14, 20_000);
        CallVerdict verdict = callThrough((s, producers) -> session -> {
            // Pushes 20 s of audio at once, never asking the queue for room: what the TX core exists to prevent.
            for (int off = 0; off + Frame.MEDIA_BYTES <= speech.length; off += Frame.MEDIA_BYTES) {
                session.tx().offerMedia(speech, off);
            }
            session.tx().offer(Frame.mark(TxLogReporter.GREETING_END));
            return (CallListener) (ulaw, off) -> {
            };
        }, Duration.ofSeconds(8));
        assertThat(verdict.go()).isFalse();
        assertThat(String.join("; ", verdict.reasons())).contains("drops=").contains("q ≥ 20");
    }
}
