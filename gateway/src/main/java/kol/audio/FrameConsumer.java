package kol.audio;

/** Receives the 20 ms μ-law frames a {@link Framer} cuts. */
@FunctionalInterface
public interface FrameConsumer {

    /**
     * Takes one frame of exactly {@link Telephony#FRAME_BYTES} bytes. The array is the framer's own and is
     * refilled after this returns: copy what must outlive the call (e.g. into a preallocated TX slot).
     */
    void accept(byte[] frame);
}
