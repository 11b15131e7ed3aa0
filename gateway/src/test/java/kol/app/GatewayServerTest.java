package kol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kol.base.Settings;
import kol.carrier.twilio.TwilioSignature;
import kol.tx.TxTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side: webhook, TwiML, health, signatures on the webhook and on the upgrade, MAX_CALLS. */
class GatewayServerTest {
    private static final String TOKEN = "test-auth-token-0123456789";
    private Gateway gateway;
    private WebClient web;

    private final AtomicReference<RecordingApp> app = new AtomicReference<>();

    private Gateway start(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1", "TX_LOG", "false"));
        all.putAll(env);
        gateway = Gateway.start(Settings.of(all), (s, producers) -> {
            app.set(new RecordingApp(500, producers));
            return app.get();
        }, TxTelemetry.NONE);
        web = WebClient.create(gateway.vertx());
        return gateway;
    }

    @AfterEach
    void stop() throws Exception {
        if (web != null) {
            web.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private HttpResponse<Buffer> postVoice(Map<String, String> form, Map<String, String> headers) throws Exception {
        MultiMap body = MultiMap.caseInsensitiveMultiMap();
        form.forEach(body::add);
        var request = web.post(gateway.port(), "127.0.0.1", GatewayServer.VOICE_PATH);
        headers.forEach(request::putHeader);
        return request.sendForm(body).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Map<String, String> voiceForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "ACtest");
        form.put("CallSid", "CAvoice1");
        form.put("From", "+972501234567");
        form.put("To", "+97235551234");
        form.put("CallStatus", "ringing");
        return form;
    }

    @Test
    void answersHealthAndReadiness() throws Exception {
        start(Map.of());
        assertThat(web.get(gateway.port(), "127.0.0.1", "/healthz").send().toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(web.get(gateway.port(), "127.0.0.1", "/readyz").send().toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        gateway.server().stopAccepting();
        assertThat(web.get(gateway.port(), "127.0.0.1", "/readyz").send().toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }

    @Test
    void closingTheGatewayClosesTheApplication() throws Exception {
        start(Map.of());
        assertThat(app.get().closed).isFalse();

        gateway.close();
        gateway = null;

        assertThat(app.get().closed).as("the application's provider clients are released").isTrue();
    }

    @Test
    void webhookConnectsTheCallToTheSecureStreamOfThePublicUrl() throws Exception {
        start(Map.of("PUBLIC_URL", "https://kol.example.com/"));
        HttpResponse<Buffer> response = postVoice(voiceForm(), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/xml");
        assertThat(response.bodyAsString()).contains("<Response><Connect><Stream url=\"wss://kol.example.com"
                + "/twilio/media\">").contains("<Parameter name=\"From\" value=\"+972501234567\"/>")
                .contains("<Parameter name=\"To\" value=\"+97235551234\"/>").contains("</Stream></Connect>");
    }

    @Test
    void webhookUsesPlainWebSocketsForALocalHttpUrlAndForwardedHeadersWithout() throws Exception {
        start(Map.of("PUBLIC_URL", "http://127.0.0.1:9999"));
        assertThat(postVoice(voiceForm(), Map.of()).bodyAsString())
                .contains("url=\"ws://127.0.0.1:9999/twilio/media\"");
        stop();
        start(Map.of());
        assertThat(postVoice(voiceForm(), Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "edge.example.org"))
                .bodyAsString()).contains("url=\"wss://edge.example.org/twilio/media\"");
    }

    @Test
    void checksTheWebhookSignatureWhenATokenIsSet() throws Exception {
        start(Map.of("TWILIO_AUTH_TOKEN", TOKEN, "PUBLIC_URL", "https://kol.example.com"));
        String url = "https://kol.example.com/twilio/voice";
        String good = new TwilioSignature(TOKEN).sign(url, voiceForm());
        try (LogCapture logs = new LogCapture()) {
            assertThat(postVoice(voiceForm(), Map.of("X-Twilio-Signature", good)).statusCode()).isEqualTo(200);
            assertThat(postVoice(voiceForm(), Map.of("X-Twilio-Signature", "AAAA" + good.substring(4))).statusCode())
                    .isEqualTo(403);
            assertThat(postVoice(voiceForm(), Map.of()).statusCode()).isEqualTo(403);
            Map<String, String> tampered = voiceForm();
            tampered.put("From", "+15550000000");
            assertThat(postVoice(tampered, Map.of("X-Twilio-Signature", good)).statusCode()).isEqualTo(403);
            assertThat(logs.has("Rejected voice webhook", "no X-Twilio-Signature header")).isTrue();
            assertThat(logs.has("Rejected voice webhook", "does not match https://kol.example.com/twilio/voice"))
                    .isTrue();
            assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
        }
        assertThat(gateway.server().rejectedSignatures()).isEqualTo(3);
    }

    @Test
    void checksTheUpgradeSignatureOverTheWssUrlBehindATlsProxy() throws Exception {
        start(Map.of("TWILIO_AUTH_TOKEN", TOKEN, "PUBLIC_URL", "https://kol.example.com"));
        String signed = new TwilioSignature(TOKEN).sign("wss://kol.example.com/twilio/media", Map.of());
        try (TwilioTestClient ok = TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAsigned1",
                Map.of("X-Twilio-Signature", signed))) {
            assertThat(ok.isClosed()).isFalse();
        }
        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAbad",
                    Map.of("X-Twilio-Signature", signed.substring(1) + "A"))).hasMessageContaining("403");
            assertThatThrownBy(() -> TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAnone", Map.of()))
                    .hasMessageContaining("403");
            assertThat(logs.has("Rejected media stream upgrade", "does not match wss://kol.example.com/twilio/media"))
                    .isTrue();
            assertThat(logs.has("Rejected media stream upgrade", "TWILIO_REQUIRE_WS_SIGNATURE=true")).isTrue();
        }
    }

    @Test
    void mayAcceptAnUnsignedUpgradeWhenTold() throws Exception {
        start(Map.of("TWILIO_AUTH_TOKEN", TOKEN, "TWILIO_REQUIRE_WS_SIGNATURE", "false"));
        try (TwilioTestClient call = TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAunsigned",
                Map.of())) {
            assertThat(call.isClosed()).isFalse();
        }
        assertThatThrownBy(() -> TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAwrong",
                Map.of("X-Twilio-Signature", "bm90LWEtc2lnbmF0dXJl"))).hasMessageContaining("403");
    }

    @Test
    void refusesCallsAboveMaxCallsWithALogLine() throws Exception {
        start(Map.of("MAX_CALLS", "1"));
        try (LogCapture logs = new LogCapture();
                TwilioTestClient first = TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAfirst",
                        Map.of())) {
            first.start();
            assertThatThrownBy(() -> TwilioTestClient.connect(gateway.vertx(), gateway.port(), "CAsecond", Map.of()))
                    .hasMessageContaining("503");
            assertThat(logs.has("MAX_CALLS=1")).isTrue();
        }
    }
}
