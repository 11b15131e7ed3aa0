package kol.provider.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;

/**
 * One call's conversation with a language model: its memory, and at most one reply in flight.
 *
 * <p>Threading: turns come one at a time, from any thread. A turn that arrives while the previous reply is still
 * streaming cancels that reply first (remembered as interrupted), so the memory stays in order.
 */
final class LlmSession implements DialogSession {
    private final StreamContext context;
    private final ChatEndpoint endpoint;
    private final LlmOptions options;
    private final ChatMemory memory;
    private final AtomicReference<ReplyStream> inFlight = new AtomicReference<>();
    private volatile boolean closed;

    LlmSession(StreamContext context, ChatEndpoint endpoint, LlmOptions options) {
        this.context = context;
        this.endpoint = endpoint;
        this.options = options;
        this.memory = new ChatMemory(options.historyTurns());
    }

    /** The greeting, which the memory then holds as already said. */
    @Override
    public String greeting() {
        memory.greeted(options.greeting());
        return options.greeting();
    }

    @Override
    public Cancellable respond(Turn turn, ReplyListener listener) {
        cancelInFlight();
        if (closed) {
            listener.onError(new LlmException(context.provider() + ": the call has ended"));
            return Cancellable.NONE;
        }
        List<ChatMessage> messages = memory.ask(ChatMemory.userText(turn));
        ReplyStream stream = new ReplyStream(context, endpoint.request(options.systemPrompt(), messages),
                endpoint.decoder(), listener, memory::answered);
        inFlight.set(stream);
        stream.start();
        return stream;
    }

    @Override
    public void close() {
        closed = true;
        cancelInFlight();
    }

    private void cancelInFlight() {
        ReplyStream previous = inFlight.getAndSet(null);
        if (previous != null) {
            previous.cancel();
        }
    }
}
