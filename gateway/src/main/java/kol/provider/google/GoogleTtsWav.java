package kol.provider.google;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import kol.audio.WavFormatException;

/**
 * Finds the μ-law samples inside the WAV file Google returns for {@code MULAW}.
 *
 * <p>cloud_tts.proto says of MULAW: "Audio content returned as MULAW also contains a WAV header". Its size is not
 * documented and a μ-law {@code fmt } chunk is often 18 bytes (with {@code cbSize}), sometimes followed by
 * {@code fact} or {@code LIST}, so the header is walked chunk by chunk to {@code data} rather than cut at 44 bytes,
 * which would play header bytes as clicks or eat the first samples. Anything but 8 kHz mono μ-law is refused: the
 * adapter announces {@code MULAW_8K} and the phone line takes it as is.
 */
final class GoogleTtsWav {

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    private static final int MULAW_FORMAT_TAG = 7;
    private static final int EXPECTED_RATE_HZ = 8000;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    /** Where the samples are in the buffer. */
    record Span(int offset, int length) {
    }

    private GoogleTtsWav() {
    }

    /** Whether {@code bytes[0, len)} starts as a RIFF/WAVE file does. */
    static boolean isWav(byte[] bytes, int len) {
        return len >= RIFF_HEADER_BYTES && id(bytes, 0).equals("RIFF") && id(bytes, 8).equals("WAVE");
    }

    /**
     * The samples of the 8 kHz mono μ-law WAV in {@code bytes[0, len)}. A data size that overruns the buffer, or the
     * 0xFFFFFFFF a streaming writer leaves, is read as "to the end".
     *
     * @throws WavFormatException when it is not such a WAV, naming what was found
     */
    static Span mulawSamples(byte[] bytes, int len) throws WavFormatException {
        if (!isWav(bytes, len)) {
            throw new WavFormatException("not a RIFF/WAVE file (" + len + " bytes starting '"
                    + (len >= 4 ? id(bytes, 0) : "") + "')");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, len).order(ByteOrder.LITTLE_ENDIAN);
        boolean formatSeen = false;
        int pos = RIFF_HEADER_BYTES;
        while (pos <= len - CHUNK_HEADER_BYTES) {
            String id = id(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + CHUNK_HEADER_BYTES;
            long remaining = len - body;
            if (id.equals("data")) {
                if (!formatSeen) {
                    throw new WavFormatException("the 'data' chunk comes before any 'fmt ' chunk");
                }
                int length = size == UNKNOWN_SIZE || size > remaining ? (int) remaining : (int) size;
                return new Span(body, length);
            }
            if (id.equals("fmt ")) {
                checkMulaw8kMono(buf, body, size, remaining);
                formatSeen = true;
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            long next = body + size + (size & 1);
            if (next > len) {
                break;
            }
            pos = (int) next;
        }
        throw new WavFormatException("no 'data' chunk in " + len + " bytes");
    }

    private static void checkMulaw8kMono(ByteBuffer buf, int off, long size, long remaining)
            throws WavFormatException {
        if (size < 16 || size > remaining) {
            throw new WavFormatException("a 'fmt ' chunk of " + size + " bytes with " + remaining + " left");
        }
        int tag = Short.toUnsignedInt(buf.getShort(off));
        int channels = Short.toUnsignedInt(buf.getShort(off + 2));
        long rateHz = Integer.toUnsignedLong(buf.getInt(off + 4));
        int bits = Short.toUnsignedInt(buf.getShort(off + 14));
        if (tag != MULAW_FORMAT_TAG || channels != 1 || rateHz != EXPECTED_RATE_HZ || bits != 8) {
            throw new WavFormatException("format tag " + tag + ", " + channels + " channel(s), " + rateHz + " Hz, "
                    + bits + " bits; expected 8 kHz mono μ-law (tag 7)");
        }
    }

    /** A four-character chunk id; bytes outside printable ASCII show as '?'. */
    private static String id(byte[] bytes, int off) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            byte b = bytes[off + i];
            id[i] = b >= 0x20 && b < 0x7F ? b : (byte) '?';
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
