package kol.carrier;

/**
 * What the caller side of a call tells the application. Called on the call's carrier thread (an event loop), one
 * event at a time and in order: implementations must return quickly and never block.
 */
public interface CallListener {

    /** 20 ms of the caller's audio: exactly 160 bytes of 8 kHz μ-law at {@code ulaw[off..off+160)}. */
    void onAudio(byte[] ulaw, int off);

    /** The caller pressed a key. */
    default void onDtmf(char digit) {
    }

    /** A mark came back: played, or cleared by a barge-in. */
    default void onMark(MarkEcho echo) {
    }

    /** The call ended (the carrier said stop, the socket closed, or Kol closed it). Called once. */
    default void onEnd(String reason) {
    }
}
