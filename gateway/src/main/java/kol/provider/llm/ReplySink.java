package kol.provider.llm;

import kol.provider.dialog.DialogAction;

/**
 * Where a {@link StreamDecoder} puts what it reads from one reply stream. Calls after the reply has ended (finished,
 * failed or cancelled) are ignored, so a decoder need not know whether anyone is still listening.
 */
public interface ReplySink {

    /** More reply text, delivered to the caller at once. */
    void text(String delta);

    /** An action the model asked for, delivered after the text before it. */
    void action(DialogAction action);

    /** The reply is complete. */
    void finished();

    /** The reply failed; the message is said in the log, so it names the provider and never a secret. */
    void failed(LlmException error);
}
