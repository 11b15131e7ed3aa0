package kol.provider.anthropic;

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
 * Reads a Messages stream (PROTOCOLS.md §8.2): {@code message_start}, then per content block
 * {@code content_block_start} / {@code content_block_delta}* / {@code content_block_stop}, {@code message_delta}
 * with the stop reason, {@code message_stop}. Text comes from {@code text_delta}; a {@code tool_use} block names a
 * tool and its input arrives as {@code input_json_delta} fragments. {@code ping} and event types this reader does
 * not know are skipped, as the SDK's own stream handler does; an {@code error} event (e.g. {@code overloaded_error})
 * may come after HTTP 200 and fails the reply.
 */
final class AnthropicStreamDecoder implements StreamDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final ToolCalls toolCalls = new ToolCalls();
    private boolean stopReasonSeen;
    private boolean over;

    AnthropicStreamDecoder(String provider) {
        this.provider = provider;
    }

    @Override
    public void onEvent(String type, String data, ReplySink sink) {
        if (over) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            fail(sink, provider + " sent an event that is not JSON: " + e.getOriginalMessage());
            return;
        }
        // The data's type repeats the event name; the name is the fallback for a server that leaves it out.
        switch (event.path("type").asText(type)) {
            case "content_block_start":
                blockStart(event.path("index").asInt(), event.path("content_block"), sink);
                break;
            case "content_block_delta":
                blockDelta(event.path("index").asInt(), event.path("delta"), sink);
                break;
            case "message_delta":
                if (event.path("delta").path("stop_reason").isTextual()) {
                    stopReasonSeen = true;
                }
                break;
            case "message_stop":
                complete(sink);
                break;
            case "error":
                fail(sink, provider + " reported an error in the stream: "
                        + ProviderErrors.describe(event.path("error")));
                break;
            default:
                break;
        }
    }

    @Override
    public void onEnd(ReplySink sink) {
        if (over) {
            return;
        }
        if (stopReasonSeen) {
            // Only message_stop is missing, and it carries nothing: the stop reason already said the reply was whole.
            complete(sink);
        } else {
            fail(sink, provider + ": the stream ended before message_stop");
        }
    }

    private void blockStart(int index, JsonNode block, ReplySink sink) {
        String kind = block.path("type").asText();
        if (kind.equals("text")) {
            sink.text(block.path("text").asText(""));
        } else if (kind.equals("tool_use")) {
            toolCalls.name(index, block.path("name").asText(""));
            JsonNode input = block.path("input");
            if (input.isObject() && input.size() > 0) {
                toolCalls.arguments(index, input.toString());
            }
        }
    }

    private void blockDelta(int index, JsonNode delta, ReplySink sink) {
        String kind = delta.path("type").asText();
        if (kind.equals("text_delta")) {
            sink.text(delta.path("text").asText(""));
        } else if (kind.equals("input_json_delta")) {
            toolCalls.arguments(index, delta.path("partial_json").asText(""));
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
