package kol.provider.tts;

import kol.provider.AudioFormat;
import kol.provider.Cancellable;

/** A text-to-speech provider. Implementations are thread-safe and shared by all calls. */
public interface TextToSpeech {

    /** The format of the audio this provider delivers. */
    AudioFormat format();

    /**
     * Starts speaking {@code text}. Audio arrives in {@code listener} as it is produced (on any thread, in order),
     * then exactly one of {@code onDone} or {@code onError}; nothing arrives after {@code cancel()} returns.
     */
    Cancellable synthesize(String text, TtsListener listener);

    /** A short name for logs and the [TURN] line, e.g. "espeak-ng". */
    String name();
}
