package kol.tx;

/**
 * What {@link TxQueue#flushMedia()} removed: the media frames (and so milliseconds of audio) that will never be
 * sent. Control frames are never removed by a flush.
 *
 * @param mediaFrames media frames removed
 * @param controlFramesKept control frames still queued, in order
 */
public record FlushResult(int mediaFrames, int controlFramesKept) {
    /** Audio removed, in milliseconds. */
    public long mediaMs() {
        return (long) mediaFrames * Frame.FRAME_MS;
    }
}
