package kol.provider.stt;

import kol.carrier.CallInfo;

/** A speech-to-text provider. Thread-safe; one {@link SttStream} per call. */
public interface SpeechToText {

    /** Opens recognition for one call; results go to {@code listener} (on any thread, in order). */
    SttStream open(CallInfo call, SttListener listener);

    /** False for a recogniser that hears speech but understands no words (the offline default). */
    boolean recognisesWords();

    /** A short name for logs and the [TURN] line, e.g. "google". */
    String name();
}
