package kol.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The canonical header this package writes: {@code RIFF/WAVE}, {@code fmt }, for μ-law a {@code fact}
 * chunk (the WAV spec asks for one with every non-PCM format), then the {@code data} chunk header.
 * Sizes can be placeholders, {@link #UNKNOWN_SIZE}, for a file still being written.
 */
final class WavHeader {

    /** Size written while the length is not known yet; readers (this one, ffmpeg, sox) read to end of file. */
    static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    static final int RIFF_SIZE_OFFSET = 4;
    private static final int PCM_FMT_BYTES = 16;
    /** Non-PCM {@code fmt } carries a {@code cbSize} field, here 0. */
    private static final int EXTENDED_FMT_BYTES = 18;

    private WavHeader() {
    }

    static int bytes(WavAudio.Encoding encoding) {
        return 12 + 8 + fmtBytes(encoding) + (hasFact(encoding) ? 12 : 0) + 8;
    }

    static int dataSizeOffset(WavAudio.Encoding encoding) {
        return bytes(encoding) - 4;
    }

    /** Offset of the {@code fact} sample count, or -1 when the encoding has no fact chunk. */
    static int factOffset(WavAudio.Encoding encoding) {
        return hasFact(encoding) ? 12 + 8 + fmtBytes(encoding) + 8 : -1;
    }

    /** RIFF size for {@code dataBytes} of data: everything after the first 8 bytes, data padded to even. */
    static long riffSize(WavAudio.Encoding encoding, long dataBytes) {
        return bytes(encoding) - 8 + dataBytes + (dataBytes & 1);
    }

    /** Writes the header at the buffer's position; {@code dataBytes} may be {@link #UNKNOWN_SIZE}. */
    static void put(ByteBuffer out, int sampleRateHz, WavAudio.Encoding encoding, int channels, long dataBytes) {
        ByteOrder order = out.order();
        out.order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * encoding.bytesPerSample();
        boolean known = dataBytes != UNKNOWN_SIZE;
        putId(out, "RIFF");
        out.putInt((int) (known ? riffSize(encoding, dataBytes) : UNKNOWN_SIZE));
        putId(out, "WAVE");
        putId(out, "fmt ");
        out.putInt(fmtBytes(encoding));
        out.putShort((short) encoding.formatTag());
        out.putShort((short) channels);
        out.putInt(sampleRateHz);
        out.putInt(sampleRateHz * blockAlign);
        out.putShort((short) blockAlign);
        out.putShort((short) encoding.bitsPerSample());
        if (fmtBytes(encoding) == EXTENDED_FMT_BYTES) {
            out.putShort((short) 0);
        }
        if (hasFact(encoding)) {
            putId(out, "fact");
            out.putInt(4);
            out.putInt((int) (known ? dataBytes / blockAlign : UNKNOWN_SIZE));
        }
        putId(out, "data");
        out.putInt((int) dataBytes);
        out.order(order);
    }

    private static int fmtBytes(WavAudio.Encoding encoding) {
        return encoding == WavAudio.Encoding.PCM16 ? PCM_FMT_BYTES : EXTENDED_FMT_BYTES;
    }

    private static boolean hasFact(WavAudio.Encoding encoding) {
        return encoding != WavAudio.Encoding.PCM16;
    }

    private static void putId(ByteBuffer out, String id) {
        out.put(id.getBytes(StandardCharsets.US_ASCII));
    }
}
