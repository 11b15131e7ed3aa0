package kol.provider.llm;

/**
 * Turns one provider's stream of server-sent events into reply text, actions and an end. One decoder per reply; it
 * is called only from the thread that receives the stream, in order.
 */
public interface StreamDecoder {

    /** One event from the stream. */
    void onEvent(String type, String data, ReplySink sink);

    /** The connection ended: finish the reply if the stream said it was complete, fail it otherwise. */
    void onEnd(ReplySink sink);
}
