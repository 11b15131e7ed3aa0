package kol.provider.whisper;

import java.io.IOException;

/** What Whisper is asked to do: text for an utterance. One call at a time (the model's state is not shared safely). */
interface WhisperEngine extends AutoCloseable {

    /** The rate Whisper models are trained at; every input is resampled to it. */
    int SAMPLE_RATE_HZ = 16_000;

    /**
     * Transcribes {@code samples[0, count)}: 16 kHz mono, in [-1, 1].
     *
     * @return the words, stripped; empty when nothing was said
     */
    String transcribe(float[] samples, int count) throws IOException;

    /** Frees the model. */
    @Override
    void close();
}
