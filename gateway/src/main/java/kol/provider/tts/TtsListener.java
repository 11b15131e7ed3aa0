package kol.provider.tts;

/** Receives one synthesis: audio chunks in order, then done or an error. Must not block for long. */
public interface TtsListener {

    /** A chunk of audio in the provider's {@link TextToSpeech#format()}; {@code chunk} may be reused after return. */
    void onAudio(byte[] chunk, int off, int len);

    /** All audio for the text has been delivered. */
    void onDone();

    /** Synthesis failed; no more audio follows. */
    void onError(Exception error);
}
