package kol.provider.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import kol.audio.WavFormatException;

/**
 * Reads the header of a WAV that is still being written and leaves the stream at its first sample.
 *
 * <p>{@link kol.audio.Wav} parses whole files; this reads a live pipe, so it trusts none of the sizes a streaming
 * writer cannot know: the RIFF and {@code data} sizes are placeholders (espeak-ng 1.51 writes 0x7FFFF000, other
 * writers 0 or 0xFFFFFFFF) and the samples simply run to the end of the stream. Chunks other than {@code fmt } before
 * {@code data} are skipped, up to a bound, so garbage cannot make it read forever.
 */
final class WavStreamHeader {

    /** What {@link #readPcm16Mono} returns for a stream that ends before its first byte. */
    static final int NO_OUTPUT = -1;

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    private static final int PCM_FORMAT_TAG = 1;
    /** A plain PCM {@code fmt } is 16 bytes; 18 and 40 carry extensions. Anything larger is not a header. */
    private static final int MAX_FMT_BYTES = 40;
    private static final int MAX_SKIPPED_CHUNK_BYTES = 64 * 1024;
    private static final int MAX_CHUNKS_BEFORE_DATA = 16;

    private WavStreamHeader() {
    }

    /**
     * Consumes the header of a 16-bit mono PCM WAV up to and including the {@code data} chunk's size field.
     *
     * @return the sample rate in Hz, or {@link #NO_OUTPUT} when the stream is empty
     * @throws WavFormatException when the stream is not such a WAV, or ends inside the header
     */
    static int readPcm16Mono(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return NO_OUTPUT;
        }
        ByteBuffer riff = ByteBuffer.allocate(RIFF_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        riff.put((byte) first);
        readFully(in, riff.array(), 1, RIFF_HEADER_BYTES - 1, 1);
        if (!"RIFF".equals(id(riff, 0)) || !"WAVE".equals(id(riff, 8))) {
            throw new WavFormatException("not a RIFF/WAVE stream: it starts with '" + id(riff, 0) + "' and '"
                    + id(riff, 8) + "'");
        }
        long consumed = RIFF_HEADER_BYTES;
        int sampleRateHz = 0;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int chunks = 0; chunks < MAX_CHUNKS_BEFORE_DATA; chunks++) {
            readFully(in, chunk.array(), 0, CHUNK_HEADER_BYTES, consumed);
            consumed += CHUNK_HEADER_BYTES;
            String id = id(chunk, 0);
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            if ("data".equals(id)) {
                if (sampleRateHz == 0) {
                    throw new WavFormatException("the 'data' chunk comes before any 'fmt ' chunk");
                }
                return sampleRateHz;
            }
            if ("fmt ".equals(id)) {
                if (size < 16 || size > MAX_FMT_BYTES) {
                    throw new WavFormatException("a 'fmt ' chunk of " + size + " bytes; expected 16 to "
                            + MAX_FMT_BYTES);
                }
                sampleRateHz = pcm16MonoRate(in, (int) size, consumed);
            } else if (size > MAX_SKIPPED_CHUNK_BYTES) {
                throw new WavFormatException("a '" + id + "' chunk of " + size + " bytes before the audio");
            } else {
                // Chunks are word-aligned: an odd size is followed by a pad byte.
                readFully(in, new byte[(int) (size + (size & 1))], 0, (int) (size + (size & 1)), consumed);
            }
            consumed += size + (size & 1);
        }
        throw new WavFormatException("no 'data' chunk within the first " + MAX_CHUNKS_BEFORE_DATA + " chunks");
    }

    private static int pcm16MonoRate(InputStream in, int size, long consumed) throws IOException {
        ByteBuffer fmt = ByteBuffer.allocate(size + (size & 1)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, fmt.array(), 0, fmt.capacity(), consumed);
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long sampleRateHz = Integer.toUnsignedLong(fmt.getInt(4));
        int bitsPerSample = Short.toUnsignedInt(fmt.getShort(14));
        if (tag != PCM_FORMAT_TAG || bitsPerSample != 16 || channels != 1) {
            throw new WavFormatException("format tag " + tag + ", " + bitsPerSample + " bits, " + channels
                    + " channel(s); expected 16-bit mono PCM (tag 1)");
        }
        if (sampleRateHz == 0 || sampleRateHz > Integer.MAX_VALUE) {
            throw new WavFormatException("a sample rate of " + sampleRateHz + " Hz");
        }
        return (int) sampleRateHz;
    }

    private static void readFully(InputStream in, byte[] into, int off, int len, long consumed) throws IOException {
        int read = in.readNBytes(into, off, len);
        if (read < len) {
            throw new WavFormatException("the stream ended " + (consumed + read) + " bytes into the WAV header");
        }
    }

    /** A four-character chunk id; bytes outside printable ASCII show as '?'. */
    private static String id(ByteBuffer buf, int off) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            byte b = buf.get(off + i);
            id[i] = b >= 0x20 && b < 0x7F ? b : (byte) '?';
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
