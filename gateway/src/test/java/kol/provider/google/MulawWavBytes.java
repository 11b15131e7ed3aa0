package kol.provider.google;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** μ-law WAV files laid out as real writers lay them out: an 18-byte {@code fmt }, a {@code LIST} before the data. */
final class MulawWavBytes {

    private MulawWavBytes() {
    }

    /** 8 kHz mono μ-law with an 18-byte {@code fmt } (cbSize = 0) and a {@code LIST/INFO} chunk before {@code data}. */
    static byte[] withListChunk(byte[] samples) {
        return wav(fmt(7, 1, 8000, 8, 18), list(), samples);
    }

    /** The canonical 44-byte header. */
    static byte[] canonical(byte[] samples) {
        return wav(fmt(7, 1, 8000, 8, 16), null, samples);
    }

    static byte[] wav(byte[] fmtBody, byte[] listBody, byte[] samples) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunk(chunks, "fmt ", fmtBody);
        if (listBody != null) {
            chunk(chunks, "LIST", listBody);
        }
        chunk(chunks, "data", samples);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(le32(4 + chunks.size()));
        file.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(chunks.toByteArray());
        return file.toByteArray();
    }

    static byte[] fmt(int tag, int channels, int rateHz, int bits, int size) {
        int blockAlign = channels * bits / 8;
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) channels).putInt(rateHz).putInt(rateHz * blockAlign).putShort((short) blockAlign)
                .putShort((short) bits).array();
    }

    /** A {@code LIST/INFO} body with an odd-sized {@code ISFT} entry, so a pad byte follows it. */
    static byte[] list() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("INFO".getBytes(StandardCharsets.US_ASCII));
        chunk(body, "ISFT", "Lavf58.76.100".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] body) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(body.length));
        out.writeBytes(body);
        if ((body.length & 1) != 0) {
            out.write(0);
        }
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** {@code n} bytes counting up from {@code first}: audio whose order a test can check byte for byte. */
    static byte[] ramp(int first, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
