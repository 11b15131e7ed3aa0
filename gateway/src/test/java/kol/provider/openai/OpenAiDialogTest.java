package kol.provider.openai;

import static kol.provider.llm.FakeStreamServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.provider.Cancellable;
import kol.provider.dialog.Dialog;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;
import kol.provider.llm.FakeStreamServer;
import kol.provider.llm.GenerationParams;
import kol.provider.llm.LlmException;
import kol.provider.llm.RecordingReplyListener;
import kol.provider.llm.ServiceAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible dialog against a local server that streams chat completions the way OpenAI does. */
class OpenAiDialogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE = "data: [DONE]\n\n";
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

    /** One chat.completion.chunk with {@code delta} (JSON) and a finish reason (null for none). */
    static String chunk(String delta, String finishReason) {
        return data("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}],\"usage\":null}");
    }

    static String role() {
        return chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null);
    }

    static String text(String content) {
        return chunk("{\"content\":\"" + content + "\"}", null);
    }

    /** The usage chunk of stream_options.include_usage: no choices. */
    static String usage() {
        return data("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":7,\"total_tokens\":97}}");
    }

    private Dialog dialog(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", "sk-test", "LANGUAGE", "en-US", "LLM_FIRST_TOKEN_TIMEOUT_MS", "2000",
                "LLM_STALL_TIMEOUT_MS", "300"));
        values.putAll(extra);
        return OpenAiDialog.fromSettings(Settings.of(values));
    }

    /** A session on the fake; the first-token time-out is generous, as a cold JVM's first request is slow. */
    private DialogSession session() {
        return dialog(Map.of()).open(null);
    }

    @Test
    void streamsTextDeltasInOrderThenDone() throws Exception {
        server.then(FakeStreamServer.sse(": keep-alive\n\n", role(), text("Hello"), text(", how can"),
                text(" I help? שלום"), chunk("{}", "stop"), usage(), DONE));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("text:Hello", "text:, how can", "text: I help? שלום",
                "done");
    }

    @Test
    void requestCarriesModelStreamSystemPromptToolsAndMaxTokensWithTheKey() throws Exception {
        server.then(FakeStreamServer.sse(role(), text("Hi."), chunk("{}", "stop"), DONE));

        awaitDone(session(), Turn.speech("what are your hours?"));

        FakeStreamServer.Request request = server.request(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers()).containsEntry("authorization", "Bearer sk-test")
                .containsEntry("content-type", "application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).contains("phone");
        assertThat(body.path("messages").get(1).toString())
                .isEqualTo("{\"role\":\"user\",\"content\":\"what are your hours?\"}");
        assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(body.path("tools").findValuesAsText("name")).containsExactly("hang_up", "hand_off");
        assertThat(body.path("tools").get(1).path("type").asText()).isEqualTo("function");
        assertThat(body.path("tools").get(1).path("function").path("parameters").path("required").get(0).asText())
                .isEqualTo("target");
    }

    @Test
    void temperatureIsSentWhenSet() throws Exception {
        server.then(FakeStreamServer.sse(role(), chunk("{}", "stop"), DONE));

        awaitDone(dialog(Map.of("LLM_TEMPERATURE", "0.4")).open(null), Turn.speech("hi"));

        assertThat(JSON.readTree(server.request(0).body()).path("temperature").asDouble()).isEqualTo(0.4);
    }

    @Test
    void handOffToolCallBecomesAnActionAfterTheText() throws Exception {
        server.then(FakeStreamServer.sse(role(), text("Transferring you now."),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"hand_off\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"tar\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"get\\\": \\\"billing\\\"}\"}}]}",
                        null),
                chunk("{}", "tool_calls"), DONE));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("a person please"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("text:Transferring you now.", "action:HAND_OFF:billing",
                "done");
    }

    @Test
    void hangUpToolCallAloneBecomesAHangUp() throws Exception {
        server.then(FakeStreamServer.sse(role(),
                chunk("{\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_2\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"hang_up\",\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"), DONE));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("bye"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("action:HANG_UP:", "done");
    }

    @Test
    void headersWithoutAFirstTokenTimeOutAndDropTheConnection() throws Exception {
        server.then(FakeStreamServer.stallAfterHeaders());

        RecordingReplyListener reply = new RecordingReplyListener();
        long startNs = System.nanoTime();
        dialog(Map.of("LLM_FIRST_TOKEN_TIMEOUT_MS", "300")).open(null).respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("error");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).isBetween(250L, 1500L);
        assertThat(reply.error()).hasMessageContaining("no first token within 300 ms");
        server.request(0).clientGone().get(2, TimeUnit.SECONDS);
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsDisconnected() throws Exception {
        server.then(FakeStreamServer.silent());

        RecordingReplyListener reply = new RecordingReplyListener();
        dialog(Map.of("LLM_FIRST_TOKEN_TIMEOUT_MS", "300")).open(null).respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().error()).hasMessageContaining("no first token within 300 ms");
        server.request(0).clientGone().get(2, TimeUnit.SECONDS);
    }

    @Test
    void aStreamThatStallsAfterItsFirstWordsFails() throws Exception {
        server.then(FakeStreamServer.sseThenHold(role(), text("Our hours")));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hours?"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("text:Our hours", "error");
        assertThat(reply.error()).hasMessageContaining("stalled");
    }

    @Test
    void aStreamCutOffMidSentenceFailsAndKeepsWhatWasDelivered() throws Exception {
        server.then(FakeStreamServer.sseThenDrop(role(), text("Our hours are")));
        server.then(FakeStreamServer.sse(role(), text("Sorry."), chunk("{}", "stop"), DONE));
        DialogSession session = session();

        RecordingReplyListener reply = new RecordingReplyListener();
        session.respond(Turn.speech("hours?"), reply);
        assertThat(reply.awaitEnd().events()).containsExactly("text:Our hours are", "error");

        awaitDone(session, Turn.speech("hello?"));
        JsonNode messages = JSON.readTree(server.request(1).body()).path("messages");
        assertThat(messages.get(2).path("content").asText()).startsWith("Our hours are [cut off");
    }

    @Test
    void http429FailsWithTheStatusAndTheProvidersMessage() throws Exception {
        server.then(FakeStreamServer.status(429, Map.of("retry-after", "20"),
                "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\"}}"));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("error");
        assertThat(reply.error()).isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("Rate limit reached for gpt-4o-mini");
        assertThat(((LlmException) reply.error()).status()).isEqualTo(429);
    }

    @Test
    void http429WithARetryAfterThatFitsIsRetriedOnce() throws Exception {
        server.then(FakeStreamServer.status(429, Map.of("retry-after-ms", "10"), "{\"error\":{\"message\":\"slow\"}}"));
        server.then(FakeStreamServer.sse(role(), text("Hello."), chunk("{}", "stop"), DONE));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().events()).as(String.valueOf(reply.error())).containsExactly("text:Hello.", "done");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void serverErrorFailsAtOnceWithTheStatus() throws Exception {
        server.then(FakeStreamServer.status(503, Map.of(), "upstream unavailable"));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().error()).hasMessageContaining("HTTP 503: upstream unavailable");
    }

    @Test
    void anErrorObjectInsideA200StreamFails() throws Exception {
        server.then(FakeStreamServer.sse(role(), text("Let me"),
                data("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        RecordingReplyListener reply = new RecordingReplyListener();
        session().respond(Turn.speech("hi"), reply);

        assertThat(reply.awaitEnd().events()).containsExactly("text:Let me", "error");
        assertThat(reply.error()).hasMessageContaining("server_error: The server had an error");
    }

    @Test
    void cancelClosesTheConnectionAndNothingFollows() throws Exception {
        server.then(FakeStreamServer.paced(100, role(), text("Hello"), text(" there,"), text(" how are"),
                chunk("{}", "stop"), DONE));

        RecordingReplyListener reply = new RecordingReplyListener();
        Cancellable stream = session().respond(Turn.speech("hi"), reply);
        reply.awaitFirstText();
        stream.cancel();

        server.request(0).clientGone().get(2, TimeUnit.SECONDS);
        Thread.sleep(250);
        assertThat(reply.events()).containsExactly("text:Hello");
    }

    @Test
    void cancellingFromInsideACallbackDeliversNothingMore() throws Exception {
        server.then(FakeStreamServer.sse(role(), text("One."), text(" Two."), chunk("{}", "stop"), DONE));
        RecordingReplyListener recorded = new RecordingReplyListener();
        CompletableFuture<Cancellable> stream = new CompletableFuture<>();
        ReplyListener cancelling = new ReplyListener() {
            @Override
            public void onText(String delta) {
                recorded.onText(delta);
                stream.join().cancel();
            }

            @Override
            public void onDone() {
                recorded.onDone();
            }

            @Override
            public void onError(Exception error) {
                recorded.onError(error);
            }
        };

        stream.complete(session().respond(Turn.speech("hi"), cancelling));

        recorded.awaitFirstText();
        Thread.sleep(150);
        assertThat(recorded.events()).containsExactly("text:One.");
    }

    @Test
    void theSecondRequestCarriesTheFirstExchange() throws Exception {
        server.then(FakeStreamServer.sse(role(), text("Hi there."), chunk("{}", "stop"), DONE));
        server.then(FakeStreamServer.sse(role(), text("Option one."), chunk("{}", "stop"), DONE));
        DialogSession session = session();
        String greeting = session.greeting();

        awaitDone(session, Turn.speech("hello"));
        awaitDone(session, Turn.dtmf('1'));

        JsonNode messages = JSON.readTree(server.request(1).body()).path("messages");
        assertThat(roleAndContent(messages)).containsExactly("system", "user:[the call connected]",
                "assistant:" + greeting, "user:hello", "assistant:Hi there.", "user:[the caller pressed 1]");
    }

    @Test
    void aReplyCutOffByTheCallerIsRememberedAsInterrupted() throws Exception {
        server.then(FakeStreamServer.paced(100, role(), text("Our hours are"), text(" nine to five."),
                chunk("{}", "stop"), DONE));
        server.then(FakeStreamServer.sse(role(), text("Sure."), chunk("{}", "stop"), DONE));
        DialogSession session = session();

        RecordingReplyListener first = new RecordingReplyListener();
        session.respond(Turn.speech("hours?"), first);
        first.awaitFirstText();
        session.respond(Turn.unrecognised(), new RecordingReplyListener());

        JsonNode messages = JSON.readTree(server.request(1).body()).path("messages");
        assertThat(roleAndContent(messages)).containsExactly("system", "user:hours?",
                "assistant:Our hours are [the caller interrupted here]",
                "user:[the caller said something that could not be understood]");
    }

    @Test
    void aMissingKeyStopsStartUpUnlessTheServerIsLocal() {
        assertThatThrownBy(() -> OpenAiDialog.fromSettings(Settings.of(Map.of())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("OPENAI_API_KEY is not set")
                .hasMessageContaining("https://api.openai.com/v1");

        Dialog local = OpenAiDialog.fromSettings(Settings.of(Map.of("OPENAI_BASE_URL",
                "http://localhost:11434/v1/", "OPENAI_MODEL", "llama3.1")));
        assertThat(local.name()).isEqualTo("openai:llama3.1");
    }

    @Test
    void openAiItselfIsAskedForMaxCompletionTokens() {
        OpenAiChatEndpoint endpoint = new OpenAiChatEndpoint(
                ServiceAddress.of(URI.create("https://api.openai.com/v1"), "sk-x"),
                new GenerationParams("gpt-4o-mini", 120, OptionalDouble.empty()));

        assertThat(endpoint.body("be brief", List.of())).contains("\"max_completion_tokens\":120")
                .doesNotContain("\"max_tokens\"");
    }

    private static void awaitDone(DialogSession session, Turn turn) throws Exception {
        RecordingReplyListener reply = new RecordingReplyListener();
        session.respond(turn, reply);
        reply.awaitEnd();
    }

    private static List<String> roleAndContent(JsonNode messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            out.add(role.equals("system") ? role : role + ":" + message.path("content").asText());
        }
        return out;
    }
}
