package kol.provider.anthropic;

import static kol.provider.llm.FakeStreamServer.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.Turn;
import kol.provider.llm.FakeStreamServer;
import kol.provider.llm.LlmException;
import kol.provider.llm.RecordingReplyListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic dialog against a local server that streams Messages events the way Anthropic does. */
class AnthropicDialogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE_START = event("message_start", "{\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":"
            + "\"claude-haiku-4-5\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,"
            + "\"output_tokens\":1}}}");
    private static final String PING = event("ping", "{\"type\": \"ping\"}");
    private static final String MESSAGE_STOP = event("message_stop", "{\"type\":\"message_stop\"}");
    private static Vertx vertx;
    private FakeStreamServer server;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void startServer() {
        server = FakeStreamServer.start(vertx);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String textStart(int index) {
        return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    }

    static String textDelta(int index, String text) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    static String toolStart(int index, String name) {
        return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"" + name
                + "\",\"input\":{}}}");
    }

    /** An input_json_delta; {@code json} is the fragment as JSON string content (quotes escaped). */
    static String inputDelta(int index, String json) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"" + json + "\"}}");
    }

    static String blockStop(int index) {
        return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    static String messageDelta(String stopReason) {
        return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}");
    }

    private DialogSession session(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("ANTHROPIC_BASE_URL", server.baseUrl(),
                "ANTHROPIC_API_KEY", "sk-ant-test", "LANGUAGE", "en-US", "LLM_FIRST_TOKEN_TIMEOUT_MS", "2000"));
        values.putAll(extra);
        return AnthropicDialog.fromSettings(Settings.of(values)).open(null);
    }

    private DialogSession session() {
        return session(Map.of());
    }

    private static RecordingReplyListener awaitEnd(DialogSession session, Turn turn) throws Exception {
        RecordingReplyListener reply = new RecordingReplyListener();
        session.respond(turn, reply);
        return reply.awaitEnd();
    }

    @Test
    void streamsTextDeltasFromTheFullEventSequenceSkippingPings() throws Exception {
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), PING, textDelta(0, "Hello"),
                textDelta(0, ", שלום."), PING, blockStop(0), messageDelta("end_turn"), MESSAGE_STOP));

        assertThat(awaitEnd(session(), Turn.speech("hi")).events()).containsExactly("text:Hello", "text:, שלום.",
                "done");
    }

    @Test
    void requestPutsTheSystemPromptTopLevelAndSendsKeyAndVersionHeaders() throws Exception {
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), textDelta(0, "Hi."), blockStop(0),
                messageDelta("end_turn"), MESSAGE_STOP));

        awaitEnd(session(Map.of("LLM_TEMPERATURE", "0.5", "LLM_MAX_TOKENS", "200")), Turn.dtmf('3'));

        FakeStreamServer.Request request = server.request(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.headers()).containsEntry("x-api-key", "sk-ant-test")
                .containsEntry("anthropic-version", "2023-06-01").containsEntry("content-type", "application/json")
                .doesNotContainKey("authorization");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("system").asText()).contains("phone receptionist");
        assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"[the caller pressed 3]\"}]");
        assertThat(body.path("tools").findValuesAsText("name")).containsExactly("hang_up", "hand_off");
        assertThat(body.path("tools").get(1).path("input_schema").path("properties").has("target")).isTrue();
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("auto");
    }

    @Test
    void toolUseBlocksBecomeActionsAfterTheText() throws Exception {
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), textDelta(0, "One moment."), blockStop(0),
                toolStart(1, "hand_off"), inputDelta(1, ""), inputDelta(1, "{\\\"target\\\": \\\"bil"),
                inputDelta(1, "ling\\\"}"), blockStop(1), messageDelta("tool_use"), MESSAGE_STOP));
        server.then(FakeStreamServer.sse(MESSAGE_START, toolStart(0, "hang_up"), blockStop(0),
                messageDelta("tool_use"), MESSAGE_STOP));
        DialogSession session = session();

        assertThat(awaitEnd(session, Turn.speech("billing please")).events()).containsExactly("text:One moment.",
                "action:HAND_OFF:billing", "done");
        assertThat(awaitEnd(session, Turn.speech("bye")).events()).containsExactly("action:HANG_UP:", "done");
    }

    @Test
    void anOverloadedErrorEventAfter200Fails() throws Exception {
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), textDelta(0, "Let me"),
                event("error", "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", "
                        + "\"message\": \"Overloaded\"}}")));

        RecordingReplyListener reply = awaitEnd(session(), Turn.speech("hi"));

        assertThat(reply.events()).containsExactly("text:Let me", "error");
        assertThat(reply.error()).hasMessageContaining("overloaded_error: Overloaded");
    }

    @Test
    void aStreamThatEndsBeforeMessageStopFails() throws Exception {
        server.then(FakeStreamServer.sseThenDrop(MESSAGE_START, textStart(0), textDelta(0, "We open at")));

        RecordingReplyListener reply = awaitEnd(session(), Turn.speech("hours?"));

        assertThat(reply.events()).containsExactly("text:We open at", "error");
    }

    @Test
    void pingsAloneAreNoFirstToken() throws Exception {
        server.then(FakeStreamServer.paced(50, MESSAGE_START, PING, PING, PING, PING, PING, PING, PING, PING));

        long startNs = System.nanoTime();
        RecordingReplyListener reply = awaitEnd(session(Map.of("LLM_FIRST_TOKEN_TIMEOUT_MS", "250")),
                Turn.speech("hi"));

        assertThat(reply.events()).containsExactly("error");
        assertThat(reply.error()).hasMessageContaining("no first token within 250 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).isLessThan(1500);
        server.request(0).clientGone().get(2, TimeUnit.SECONDS);
    }

    @Test
    void rateLimitFailsWithTheStatusAndAnthropicsMessage() throws Exception {
        server.then(FakeStreamServer.status(429, Map.of("retry-after", "30"), "{\"type\":\"error\",\"error\":"
                + "{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}"));

        RecordingReplyListener reply = awaitEnd(session(), Turn.speech("hi"));

        assertThat(((LlmException) reply.error()).status()).isEqualTo(429);
        assertThat(reply.error()).hasMessageContaining("HTTP 429: rate_limit_error: Number of requests");
    }

    @Test
    void cancelClosesTheConnectionAndNothingFollows() throws Exception {
        server.then(FakeStreamServer.paced(100, MESSAGE_START, textStart(0), textDelta(0, "Good"),
                textDelta(0, " morning"), blockStop(0), messageDelta("end_turn"), MESSAGE_STOP));

        RecordingReplyListener reply = new RecordingReplyListener();
        Cancellable stream = session().respond(Turn.speech("hi"), reply);
        reply.awaitFirstText();
        stream.cancel();

        server.request(0).clientGone().get(2, TimeUnit.SECONDS);
        Thread.sleep(250);
        assertThat(reply.events()).containsExactly("text:Good");
    }

    @Test
    void theSecondRequestCarriesTheFirstExchangeStartingWithAUserMessage() throws Exception {
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), textDelta(0, "We open at nine."), blockStop(0),
                messageDelta("end_turn"), MESSAGE_STOP));
        server.then(FakeStreamServer.sse(MESSAGE_START, textStart(0), textDelta(0, "Bye."), blockStop(0),
                messageDelta("end_turn"), MESSAGE_STOP));
        DialogSession session = session();
        String greeting = session.greeting();

        awaitEnd(session, Turn.speech("when do you open?"));
        awaitEnd(session, Turn.speech("thanks"));

        List<String> messages = new ArrayList<>();
        for (JsonNode message : JSON.readTree(server.request(1).body()).path("messages")) {
            messages.add(message.path("role").asText() + ":" + message.path("content").asText());
        }
        assertThat(messages).containsExactly("user:[the call connected]", "assistant:" + greeting,
                "user:when do you open?", "assistant:We open at nine.", "user:thanks");
    }

    @Test
    void aTemperatureAboveOneStopsStartUp() {
        assertThatThrownBy(() -> session(Map.of("LLM_TEMPERATURE", "1.5"))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("LLM_TEMPERATURE=1.5");
        assertThatThrownBy(() -> AnthropicDialog.fromSettings(Settings.of(Map.of())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ANTHROPIC_API_KEY is not set");
    }
}
