package kol.audio;

import java.util.Objects;

/**
 * Cuts a stream of 8 kHz μ-law (or PCM16, encoded on the way in) of any chunking into exact 20 ms frames
 * of {@link Telephony#FRAME_BYTES}, because the carrier paces and plays whole frames only.
 *
 * <p>Only {@link #endOfUtterance} pads, and only the one partial frame it flushes, with μ-law silence;
 * a frame is never padded in the middle of an utterance, so a TTS stream that arrives in odd-sized chunks
 * plays without gaps.
 *
 * <p>No allocation: every frame is assembled in one internal array handed to the {@link FrameConsumer}.
 * One owner thread; the consumer must not call back into the same framer.
 */
public final class Framer {

    private final byte[] frame = new byte[Telephony.FRAME_BYTES];
    private int pending;

    /**
     * Appends μ-law bytes {@code muLaw[off, off + len)}, emitting every frame they complete.
     *
     * @return frames emitted
     */
    public int push(byte[] muLaw, int off, int len, FrameConsumer out) {
        Objects.checkFromIndexSize(off, len, muLaw.length);
        int emitted = 0;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int take = Math.min(end - pos, Telephony.FRAME_BYTES - pending);
            System.arraycopy(muLaw, pos, frame, pending, take);
            pos += take;
            emitted += completeIfFull(take, out);
        }
        return emitted;
    }

    /**
     * Appends 8 kHz PCM16 samples {@code pcm[off, off + len)}, μ-law encoding them straight into the frame.
     *
     * @return frames emitted
     */
    public int pushPcm(short[] pcm, int off, int len, FrameConsumer out) {
        Objects.checkFromIndexSize(off, len, pcm.length);
        int emitted = 0;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int take = Math.min(end - pos, Telephony.FRAME_BYTES - pending);
            G711.encode(pcm, pos, frame, pending, take);
            pos += take;
            emitted += completeIfFull(take, out);
        }
        return emitted;
    }

    /**
     * Ends the utterance: pads the partial frame, if there is one, with {@link G711#SILENCE} and emits it.
     *
     * @return frames emitted: 1 if bytes were pending, else 0
     */
    public int endOfUtterance(FrameConsumer out) {
        if (pending == 0) {
            return 0;
        }
        for (int i = pending; i < frame.length; i++) {
            frame[i] = G711.SILENCE;
        }
        pending = 0;
        out.accept(frame);
        return 1;
    }

    /** Bytes waiting for the rest of their frame. */
    public int pending() {
        return pending;
    }

    /**
     * Drops the partial frame (barge-in: what was not sent is not to be played).
     *
     * @return bytes dropped, for the caller to count
     */
    public int clear() {
        int dropped = pending;
        pending = 0;
        return dropped;
    }

    private int completeIfFull(int added, FrameConsumer out) {
        pending += added;
        if (pending < Telephony.FRAME_BYTES) {
            return 0;
        }
        // Reset before the call: a consumer that throws leaves a consistent, empty framer behind.
        pending = 0;
        out.accept(frame);
        return 1;
    }
}
