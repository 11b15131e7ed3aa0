package kol.provider.stt;

/** One call's recognition. Audio is 8 kHz μ-law; methods are called from one thread at a time. */
public interface SttStream extends AutoCloseable {

    /** More caller audio (a batch of {@code STT_BATCH_MS}); {@code ulaw} may be reused after return. */
    void sendAudio(byte[] ulaw, int off, int len);

    /** The caller stopped speaking (VAD): in utterance mode the recogniser now transcribes what it was sent. */
    default void endOfUtterance() {
    }

    /** Drops what is in flight for the current utterance (barge-in, or a turn that was merged away). */
    default void cancelUtterance() {
    }

    /** Ends recognition; no results arrive after it returns. */
    @Override
    void close();
}
