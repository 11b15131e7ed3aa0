package kol.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import kol.provider.llm.ChatEndpoint;
import kol.provider.llm.ChatMessage;
import kol.provider.llm.DialogTools;
import kol.provider.llm.GenerationParams;
import kol.provider.llm.ServiceAddress;
import kol.provider.llm.StreamDecoder;

/**
 * {@code POST {base}/chat/completions} with {@code "stream": true} (PROTOCOLS.md §8.1): the system prompt as the
 * first message, the call's messages after it, and the dialog tools as functions the model may call.
 */
final class OpenAiChatEndpoint implements ChatEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceAddress address;
    private final GenerationParams params;
    private final String name;
    private final String maxTokensField;

    OpenAiChatEndpoint(ServiceAddress address, GenerationParams params) {
        this.address = address;
        this.params = params;
        this.name = "openai:" + params.model();
        // OpenAI's newer models refuse max_tokens and want max_completion_tokens, which every OpenAI chat model
        // accepts; compatible servers (Ollama, vLLM, most proxies) know max_tokens, so they keep it.
        this.maxTokensField = address.base().getHost().toLowerCase(Locale.ROOT).equals("api.openai.com")
                ? "max_completion_tokens" : "max_tokens";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HttpRequest request(String systemPrompt, List<ChatMessage> messages) {
        HttpRequest.Builder request = address.post("/chat/completions", body(systemPrompt, messages));
        if (!address.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + address.apiKey());
        }
        return request.build();
    }

    @Override
    public StreamDecoder decoder() {
        return new OpenAiChatDecoder(name);
    }

    String body(String systemPrompt, List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", params.model());
        body.put("stream", true);
        body.put(maxTokensField, params.maxTokens());
        params.temperature().ifPresent(t -> body.put("temperature", t));
        ArrayNode list = body.putArray("messages");
        list.addObject().put("role", "system").put("content", systemPrompt);
        for (ChatMessage message : messages) {
            list.addObject().put("role", message.roleName()).put("content", message.text());
        }
        ArrayNode tools = body.putArray("tools");
        for (DialogTools.Tool tool : DialogTools.all()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description());
            function.set("parameters", tool.inputSchema());
        }
        body.put("tool_choice", "auto");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat request could not be written as JSON", e);
        }
    }
}
