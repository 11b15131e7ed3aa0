package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kol.app.Gateway;
import kol.app.GatewayServer;
import kol.app.Providers;
import kol.audio.Tones;
import kol.base.Settings;
import kol.gonogo.CallVerdict;
import kol.gonogo.GoNoGo;
import kol.provider.espeak.EspeakTts;
import kol.sim.CallReport;
import kol.sim.CallSimulator;
import kol.sim.SimOptions;
import kol.tx.TxTelemetry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole call on cloud providers, each a local server speaking its real protocol: Google Speech-to-Text
 * (StreamingRecognize over gRPC), an OpenAI-compatible chat completions stream (SSE over HTTP) and Google
 * Text-to-Speech (SynthesizeSpeech over gRPC), with {@code STT_PROVIDER=google}, {@code DIALOG_PROVIDER=openai} and
 * {@code TTS_PROVIDER=google}. The caller takes several turns and talks over the bot once; the call must be GO.
 */
class CloudConversationTest {
    private static final String REPLY = "בשמחה. המרפאה פתוחה מראשון עד חמישי. אפשר לעזור בעוד משהו?";

    /** An OpenAI-compatible chat completions endpoint streaming one reply per request. */
    private static final class ChatServer implements AutoCloseable {
        final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();

        ChatServer() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    send(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
                    for (String word : REPLY.split(" ")) {
                        send(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                                + "\"delta\":{\"content\":\"" + word + " \"},\"finish_reason\":null}]}");
                    }
                    send(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{},\"finish_reason\":\"stop\"}]}");
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                } catch (java.io.IOException cancelled) {
                    // The client closed the stream (a barge-in): nothing more to send.
                }
            });
            server.start();
        }

        private static void send(OutputStream out, String json) throws java.io.IOException {
            out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Feeds Kol's call log lines to the GO/NO-GO check. */
    private static final class Feed extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        final GoNoGo check = new GoNoGo();
        final List<String> turns = new CopyOnWriteArrayList<>();

        Feed() {
            start();
            for (String name : new String[] {"kol.tx", "kol.call", "kol.turn"}) {
                ((Logger) LoggerFactory.getLogger(name)).addAppender(this);
            }
        }

        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getFormattedMessage();
            check.accept(line);
            if (line.startsWith("[TURN]") || line.startsWith("[BARGE-IN]") || line.startsWith("[HEARD]")) {
                turns.add(line);
            }
        }

        @Override
        public void close() {
            for (String name : new String[] {"kol.tx", "kol.call", "kol.turn"}) {
                ((Logger) LoggerFactory.getLogger(name)).detachAppender(this);
            }
        }
    }

    @Test
    void aCallOnGoogleSpeechAnOpenAiDialogAndGoogleVoiceTakesTurnsIsCutOffOnceAndIsGo() throws Exception {
        EspeakTts espeak = EspeakTts.forLanguage("he-IL");
        assumeTrue(espeak.check().ok(), () -> "the caller's interruption is spoken by espeak-ng: " + espeak.check());
        byte[] interruption = kol.cli.DemoLines.speak(espeak, "רגע, רגע, סליחה, יש לי שאלה נוספת");
        ByteArrayOutputStream caller = new ByteArrayOutputStream();
        caller.writeBytes(Tones.silenceMuLaw(5000));
        caller.writeBytes(CallAudio.utterance(1, 1000));
        caller.writeBytes(Tones.silenceMuLaw(6000));
        caller.writeBytes(CallAudio.utterance(2, 1000));
        caller.writeBytes(Tones.silenceMuLaw(1800));
        caller.writeBytes(interruption);
        caller.writeBytes(Tones.silenceMuLaw(7000));
        byte[] audio = caller.toByteArray();

        try (FakeSpeechServer speech = FakeSpeechServer.start(); FakeGoogleTtsServer voice = new FakeGoogleTtsServer();
                ChatServer chat = new ChatServer(); Feed feed = new Feed()) {
            // Each synthesis is a real μ-law WAV, 1.5 s per sentence.
            voice.unary = request -> FakeGoogleTtsServer.Answer.wav(MulawWavBytes.canonical(
                    Tones.sineMuLaw(500, -14, 1500)));
            Settings settings = speech.settings(Map.ofEntries(
                    Map.entry("PORT", "0"), Map.entry("BIND_ADDRESS", "127.0.0.1"),
                    Map.entry("STT_PROVIDER", "google"), Map.entry("END_OF_TURN", "either"),
                    Map.entry("DIALOG_PROVIDER", "openai"), Map.entry("OPENAI_BASE_URL", chat.baseUrl()),
                    Map.entry("OPENAI_API_KEY", "sk-test"),
                    Map.entry("TTS_PROVIDER", "google"), Map.entry("GCP_TTS_ENDPOINT", voice.endpoint()),
                    Map.entry("GCP_TTS_VOICE", "he-IL-Wavenet-A"), Map.entry("TTS_CACHE", "false")));
            try (Gateway gateway = Gateway.start(settings, Providers::conversationApp, TxTelemetry.NONE);
                    CallSimulator simulator = new CallSimulator(gateway.vertx())) {
                CallReport report = simulator.run(SimOptions.builder()
                        .streamUrl("ws://127.0.0.1:" + gateway.port() + GatewayServer.MEDIA_PATH)
                        .callerAudio(audio).duration(Duration.ofMillis(audio.length / 8)).build())
                        .get(90, TimeUnit.SECONDS);
                Thread.sleep(1500);
                assertThat(report.ok()).as("%s", report).isTrue();
                assertThat(report.clears()).as("the caller talked over the bot once").isEqualTo(1);
                assertThat(feed.turns).anyMatch(l -> l.contains("heard=\"word1\""))
                        .anyMatch(l -> l.contains("heard=\"word2\"")).anyMatch(l -> l.startsWith("[BARGE-IN]"));
                assertThat(chat.requests).as("one chat request per turn").hasSizeGreaterThanOrEqualTo(3);
                assertThat(chat.requests.get(1)).as("memory: the second request carries the first exchange")
                        .contains("word1").contains("המרפאה");
                assertThat(voice.unaryRequests).isNotEmpty();
                List<CallVerdict> verdicts = feed.check.verdicts(List.of(report.callSid()));
                assertThat(verdicts.get(0).go()).as("GO/NO-GO: %s", verdicts.get(0).reasons()).isTrue();
            }
        }
    }
}
