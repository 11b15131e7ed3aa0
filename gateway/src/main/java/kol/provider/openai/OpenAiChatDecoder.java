package kol.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kol.provider.dialog.DialogAction;
import kol.provider.llm.LlmException;
import kol.provider.llm.ProviderErrors;
import kol.provider.llm.ReplySink;
import kol.provider.llm.StreamDecoder;
import kol.provider.llm.ToolCalls;

/**
 * Reads a chat-completions stream (PROTOCOLS.md §8.1): {@code chat.completion.chunk} data events whose
 * {@code choices[0].delta} carries text or tool-call fragments, a {@code finish_reason} on the last of them, perhaps a
 * usage chunk with no choices, then {@code data: [DONE]}. An {@code error} object (or an {@code error} event) may
 * come after HTTP 200 and fails the reply, as openai-python's {@code _raise_streaming_error} does.
 *
 * <p>Tool calls are announced after the text, at the end: their arguments arrive in fragments keyed by index.
 */
final class OpenAiChatDecoder implements StreamDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE = "[DONE]";

    private final String provider;
    private final ToolCalls toolCalls = new ToolCalls();
    private boolean finishReasonSeen;
    private boolean over;

    OpenAiChatDecoder(String provider) {
        this.provider = provider;
    }

    @Override
    public void onEvent(String type, String data, ReplySink sink) {
        if (over) {
            return;
        }
        if (data.startsWith(DONE)) {
            complete(sink);
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            fail(sink, provider + " sent an event that is not JSON: " + e.getOriginalMessage());
            return;
        }
        if (chunk.has("error") || type.equals("error")) {
            fail(sink, provider + " reported an error in the stream: "
                    + ProviderErrors.describe(chunk.has("error") ? chunk.get("error") : chunk));
            return;
        }
        // n is never set, so there is one choice; a usage chunk has none.
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        JsonNode content = delta.path("content");
        if (content.isTextual()) {
            sink.text(content.asText());
        }
        JsonNode calls = delta.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            int index = call.path("index").asInt(i);
            JsonNode function = call.path("function");
            if (function.path("name").isTextual()) {
                toolCalls.name(index, function.get("name").asText());
            }
            if (function.path("arguments").isTextual()) {
                toolCalls.arguments(index, function.get("arguments").asText());
            }
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReasonSeen = true;
        }
    }

    @Override
    public void onEnd(ReplySink sink) {
        if (over) {
            return;
        }
        if (finishReasonSeen) {
            // Some compatible servers close without [DONE]; a finish_reason already said the reply was whole.
            complete(sink);
        } else {
            fail(sink, provider + ": the stream ended before [DONE]");
        }
    }

    private void complete(ReplySink sink) {
        over = true;
        for (DialogAction action : toolCalls.actions()) {
            sink.action(action);
        }
        sink.finished();
    }

    private void fail(ReplySink sink, String message) {
        over = true;
        sink.failed(new LlmException(message));
    }
}
