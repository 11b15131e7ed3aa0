package kol.carrier;

import kol.tx.TxQueue;

/** What the application may do with a call: speak through its one TX queue, ask what was heard, hang up. */
public interface CallSession {

    CallInfo info();

    /** The call's one outbound queue; every frame the application sends goes here. */
    TxQueue tx();

    /** How much of Kol's audio the caller has heard, from the echoed marks. */
    PlaybackTracker playback();

    /** Ends the call from Kol's side: queued audio is sent first, then the stream closes. */
    void hangUp(String reason);
}
