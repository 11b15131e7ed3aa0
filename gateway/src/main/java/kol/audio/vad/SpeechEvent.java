package kol.audio.vad;

/** What one frame changed in a {@link SpeechSegmenter}. */
public enum SpeechEvent {
    /** Nothing: still silent, or still speaking. */
    NONE,
    /** Speech has lasted {@code minSpeechMs}: a turn (or a barge-in candidate) has begun. */
    START,
    /** Speech has been followed by {@code hangoverMs} of non-speech: the turn has ended. */
    END
}
