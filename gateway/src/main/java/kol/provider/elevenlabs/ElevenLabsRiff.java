package kol.provider.elevenlabs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import kol.audio.WavFormatException;

/**
 * Passes an audio byte stream on, dropping a WAV header if the stream starts with one.
 *
 * <p>Whether ElevenLabs' {@code ulaw_8000} stream is headerless is not documented, so the first bytes decide: not
 * {@code RIFF} → everything is audio; {@code RIFF} → the chunks are walked to {@code data} (a header can arrive split
 * over several reads, so bytes are held until the walk ends) and only what follows is passed on. A header must say
 * 8 kHz μ-law (format tag 7) and end within {@link #MAX_HEADER_BYTES}. One per stream, one thread at a time.
 */
final class ElevenLabsRiff {

    /** Where audio goes; false asks the feeder to stop. */
    @FunctionalInterface
    interface Sink {
        boolean audio(byte[] bytes, int off, int len);
    }

    /** Real headers are 44 to ~100 bytes; a bound keeps a broken stream from being held forever. */
    static final int MAX_HEADER_BYTES = 4096;
    private static final int NEED_MORE = -1;
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final int MULAW_FORMAT_TAG = 7;
    private static final int RATE_HZ = 8000;

    private final byte[] head = new byte[MAX_HEADER_BYTES];
    private int held;
    private boolean passing;

    /** Passes {@code bytes[off, off + len)} on, less any header; false when the sink asked to stop. */
    boolean feed(byte[] bytes, int off, int len, Sink sink) throws WavFormatException {
        if (passing) {
            return sink.audio(bytes, off, len);
        }
        int take = Math.min(len, head.length - held);
        System.arraycopy(bytes, off, head, held, take);
        held += take;
        int audioStart = audioStart(head, held);
        if (audioStart == NEED_MORE) {
            if (held == head.length) {
                throw new WavFormatException("the stream starts with a WAV header longer than " + MAX_HEADER_BYTES
                        + " bytes");
            }
            return true;
        }
        passing = true;
        if (audioStart < held && !sink.audio(head, audioStart, held - audioStart)) {
            return false;
        }
        return take == len || sink.audio(bytes, off + take, len - take);
    }

    /** The stream ended: passes on bytes still held (fewer than four: too short to be a header), or fails in one. */
    void finish(Sink sink) throws WavFormatException {
        if (passing || held == 0) {
            return;
        }
        if (held >= RIFF.length && startsLikeRiff(head, held)) {
            throw new WavFormatException("the stream ended inside its WAV header, after " + held + " bytes");
        }
        passing = true;
        sink.audio(head, 0, held);
    }

    /** Where the audio starts in {@code bytes[0, len)}: 0 for no header, past {@code data} for one, or NEED_MORE. */
    static int audioStart(byte[] bytes, int len) throws WavFormatException {
        if (!startsLikeRiff(bytes, len)) {
            return 0;
        }
        if (len < 12) {
            return NEED_MORE;
        }
        if (!id(bytes, 8).equals("WAVE")) {
            throw new WavFormatException("a RIFF stream of form '" + id(bytes, 8) + "', not WAVE");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, len).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= len) {
            String id = id(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            if (id.equals("data")) {
                return pos + 8;
            }
            if (size > MAX_HEADER_BYTES) {
                throw new WavFormatException("a '" + id + "' chunk of " + size + " bytes before the audio");
            }
            if (id.equals("fmt ")) {
                if (pos + 8 + 16 > len) {
                    return NEED_MORE;
                }
                checkMulaw8k(buf, pos + 8);
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            pos += 8 + (int) size + (int) (size & 1);
        }
        return NEED_MORE;
    }

    private static void checkMulaw8k(ByteBuffer buf, int off) throws WavFormatException {
        int tag = Short.toUnsignedInt(buf.getShort(off));
        int channels = Short.toUnsignedInt(buf.getShort(off + 2));
        long rateHz = Integer.toUnsignedLong(buf.getInt(off + 4));
        if (tag != MULAW_FORMAT_TAG || channels != 1 || rateHz != RATE_HZ) {
            throw new WavFormatException("format tag " + tag + ", " + channels + " channel(s), " + rateHz
                    + " Hz; expected 8 kHz mono μ-law (tag 7)");
        }
    }

    /** True when the bytes so far could be, or are, the start of "RIFF". */
    private static boolean startsLikeRiff(byte[] bytes, int len) {
        for (int i = 0; i < Math.min(len, RIFF.length); i++) {
            if (bytes[i] != RIFF[i]) {
                return false;
            }
        }
        return true;
    }

    private static String id(byte[] bytes, int off) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            byte b = bytes[off + i];
            id[i] = b >= 0x20 && b < 0x7F ? b : (byte) '?';
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
