package kol.tx;

import java.util.Arrays;
import java.util.Objects;
import kol.audio.Telephony;

/**
 * One outbound frame. A MEDIA frame carries exactly {@link #MEDIA_BYTES} bytes of μ-law (20 ms at 8 kHz); a MARK
 * carries a name; the other control kinds carry nothing. Anything else is refused at construction.
 *
 * <p>Frames handed to a {@link FrameSink} by the pacer may be reused slots: a sink must not keep a reference to a
 * MEDIA frame's payload after {@code write} returns (the Netty/Disruptor "borrowed buffer" rule).
 */
public final class Frame {
    /** Bytes in one 20 ms frame of 8 kHz μ-law. */
    public static final int MEDIA_BYTES = Telephony.FRAME_BYTES;
    /** Duration of one media frame. */
    public static final long FRAME_NS = Telephony.FRAME_NS;
    public static final int FRAME_MS = Telephony.FRAME_MS;

    private static final Frame CLEAR = new Frame(FrameKind.CLEAR, null, null);
    private static final Frame STOP = new Frame(FrameKind.STOP, null, null);
    private static final Frame KEEPALIVE = new Frame(FrameKind.KEEPALIVE, null, null);
    private static final Frame START = new Frame(FrameKind.START, null, null);

    private final FrameKind kind;
    private final byte[] payload;
    private final String name;

    private Frame(FrameKind kind, byte[] payload, String name) {
        this.kind = kind;
        this.payload = payload;
        this.name = name;
    }

    /** A MEDIA frame holding a copy of {@code ulaw}, which must be exactly 160 bytes. */
    public static Frame media(byte[] ulaw) {
        Objects.requireNonNull(ulaw, "ulaw");
        if (ulaw.length != MEDIA_BYTES) {
            throw new IllegalArgumentException(
                    "A MEDIA frame is exactly " + MEDIA_BYTES + " bytes of μ-law (20 ms), got " + ulaw.length);
        }
        return new Frame(FrameKind.MEDIA, ulaw.clone(), null);
    }

    /** A reusable MEDIA slot over {@code buffer} (no copy); for the queue's preallocated slots. */
    static Frame mediaSlot(byte[] buffer) {
        if (buffer.length != MEDIA_BYTES) {
            throw new IllegalArgumentException("media slot must be " + MEDIA_BYTES + " bytes");
        }
        return new Frame(FrameKind.MEDIA, buffer, null);
    }

    /** A MARK with a non-empty name. */
    public static Frame mark(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A MARK needs a name");
        }
        return new Frame(FrameKind.MARK, null, name);
    }

    public static Frame clear() {
        return CLEAR;
    }

    public static Frame stop() {
        return STOP;
    }

    public static Frame keepalive() {
        return KEEPALIVE;
    }

    public static Frame start() {
        return START;
    }

    /** A control frame of {@code kind} (use {@link #mark(String)} for marks). */
    public static Frame control(FrameKind kind) {
        switch (kind) {
            case CLEAR:
                return CLEAR;
            case STOP:
                return STOP;
            case KEEPALIVE:
                return KEEPALIVE;
            case START:
                return START;
            default:
                throw new IllegalArgumentException(kind + " is not a name-less control kind");
        }
    }

    public FrameKind kind() {
        return kind;
    }

    public boolean isMedia() {
        return kind == FrameKind.MEDIA;
    }

    /** The 160 μ-law bytes of a MEDIA frame; read-only, and for pacer-supplied frames valid only during write. */
    public byte[] payload() {
        if (payload == null) {
            throw new IllegalStateException(kind + " has no payload");
        }
        return payload;
    }

    /** The name of a MARK. */
    public String name() {
        if (name == null) {
            throw new IllegalStateException(kind + " has no name");
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Frame)) {
            return false;
        }
        Frame that = (Frame) other;
        return kind == that.kind && Objects.equals(name, that.name) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return name != null ? kind + "(" + name + ")" : kind.toString();
    }
}
