package kol.tx;

/** What an outbound frame is. Everything but {@link #MEDIA} is a control frame and is never dropped. */
public enum FrameKind {
    /** 20 ms of 8 kHz μ-law audio: exactly 160 bytes. */
    MEDIA,
    /** A named point in the audio; the carrier reports when the audio before it has played. */
    MARK,
    /** Tells the carrier to drop the audio it has buffered (barge-in). */
    CLEAR,
    /** Ends the outbound stream; the pacer stops serving the call after it. */
    STOP,
    /** Keeps an idle connection alive (the sink decides how, e.g. a WebSocket ping). */
    KEEPALIVE,
    /** Opens the outbound stream (carriers that need a start message). */
    START;

    public boolean isControl() {
        return this != MEDIA;
    }
}
