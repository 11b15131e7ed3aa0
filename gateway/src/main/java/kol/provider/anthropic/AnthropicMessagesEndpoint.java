package kol.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.List;
import kol.provider.llm.ChatEndpoint;
import kol.provider.llm.ChatMessage;
import kol.provider.llm.DialogTools;
import kol.provider.llm.GenerationParams;
import kol.provider.llm.ServiceAddress;
import kol.provider.llm.StreamDecoder;

/**
 * {@code POST {base}/v1/messages} with {@code "stream": true} (PROTOCOLS.md §8.2): the system prompt in the
 * top-level {@code system} field, the call's messages, and the dialog tools; headers {@code x-api-key} and
 * {@code anthropic-version} as anthropic-sdk-python sends them.
 */
final class AnthropicMessagesEndpoint implements ChatEndpoint {
    static final String API_VERSION = "2023-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceAddress address;
    private final GenerationParams params;
    private final String name;

    AnthropicMessagesEndpoint(ServiceAddress address, GenerationParams params) {
        this.address = address;
        this.params = params;
        this.name = "anthropic:" + params.model();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HttpRequest request(String systemPrompt, List<ChatMessage> messages) {
        HttpRequest.Builder request = address.post("/v1/messages", body(systemPrompt, messages))
                .header("anthropic-version", API_VERSION);
        if (!address.apiKey().isEmpty()) {
            request.header("x-api-key", address.apiKey());
        }
        return request.build();
    }

    @Override
    public StreamDecoder decoder() {
        return new AnthropicStreamDecoder(name);
    }

    String body(String systemPrompt, List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", params.model());
        body.put("max_tokens", params.maxTokens());
        body.put("stream", true);
        params.temperature().ifPresent(t -> body.put("temperature", t));
        body.put("system", systemPrompt);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage message : messages) {
            list.addObject().put("role", message.roleName()).put("content", message.text());
        }
        ArrayNode tools = body.putArray("tools");
        for (DialogTools.Tool tool : DialogTools.all()) {
            ObjectNode entry = tools.addObject().put("name", tool.name()).put("description", tool.description());
            entry.set("input_schema", tool.inputSchema());
        }
        body.putObject("tool_choice").put("type", "auto");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a messages request could not be written as JSON", e);
        }
    }
}
