package kol.provider.google;

/**
 * The last {@code capacity} bytes of a call's caller audio, addressed by call offset (bytes since the call's first
 * audio byte; 8 bytes per ms of 8 kHz μ-law). Holds what may have to be replayed into a new stream. Allocated once per
 * call: no garbage per batch.
 *
 * <p>Not thread-safe: its owner's lock guards it.
 */
final class SpeechAudioRing {
    private final byte[] ring;
    private long endBytes;

    SpeechAudioRing(int capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacityBytes);
        }
        this.ring = new byte[capacityBytes];
    }

    /** Appends caller audio; the oldest bytes go once the ring is full. */
    void append(byte[] src, int off, int len) {
        int skip = Math.max(0, len - ring.length);
        long at = endBytes + skip;
        int remaining = len - skip;
        int from = off + skip;
        while (remaining > 0) {
            int index = (int) (at % ring.length);
            int run = Math.min(remaining, ring.length - index);
            System.arraycopy(src, from, ring, index, run);
            at += run;
            from += run;
            remaining -= run;
        }
        endBytes += len;
    }

    /** Call offset one past the newest byte: how much caller audio there has been. */
    long endBytes() {
        return endBytes;
    }

    /** Call offset of the oldest byte still held. */
    long startBytes() {
        return Math.max(0, endBytes - ring.length);
    }

    /** Copies {@code len} bytes from call offset {@code fromBytes}, which must still be held. */
    void copy(long fromBytes, byte[] dst, int dstOff, int len) {
        if (fromBytes < startBytes() || fromBytes + len > endBytes) {
            throw new IllegalArgumentException("bytes " + fromBytes + "+" + len + " are not held (held "
                    + startBytes() + ".." + endBytes + ")");
        }
        long at = fromBytes;
        int to = dstOff;
        int remaining = len;
        while (remaining > 0) {
            int index = (int) (at % ring.length);
            int run = Math.min(remaining, ring.length - index);
            System.arraycopy(ring, index, dst, to, run);
            at += run;
            to += run;
            remaining -= run;
        }
    }
}
