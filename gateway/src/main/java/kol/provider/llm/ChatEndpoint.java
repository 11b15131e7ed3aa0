package kol.provider.llm;

import java.net.http.HttpRequest;
import java.util.List;

/** One provider's streaming chat API: how to ask for a reply, and how to read the stream that answers. */
public interface ChatEndpoint {

    /** A short name for logs, e.g. "openai:gpt-4o-mini". */
    String name();

    /** The streaming request for {@code messages} (user first, alternating, ending with the caller's turn). */
    HttpRequest request(String systemPrompt, List<ChatMessage> messages);

    /** A fresh decoder for one reply stream. */
    StreamDecoder decoder();
}
