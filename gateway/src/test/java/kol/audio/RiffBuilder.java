package kol.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built RIFF files, chunk by chunk, for the layouts and defects real WAV files come with. */
final class RiffBuilder {

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private final String form;

    private RiffBuilder(String form) {
        this.form = form;
    }

    static RiffBuilder wave() {
        return new RiffBuilder("WAVE");
    }

    static RiffBuilder riff(String form) {
        return new RiffBuilder(form);
    }

    /** A chunk with its true size, padded to even length as RIFF requires. */
    RiffBuilder chunk(String id, byte[] body) {
        return chunk(id, body.length, body, true);
    }

    /** A chunk whose size field says {@code declaredSize}, whatever the body holds. */
    RiffBuilder chunk(String id, long declaredSize, byte[] body, boolean pad) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le32((int) declaredSize));
        chunks.writeBytes(body);
        if (pad && (body.length & 1) != 0) {
            chunks.write(0);
        }
        return this;
    }

    /** The classic 16-byte {@code fmt } body. */
    static byte[] fmt(int tag, int channels, int sampleRateHz, int bitsPerSample) {
        int blockAlign = channels * bitsPerSample / 8;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) tag).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample)
                .array();
    }

    /** An 18-byte {@code fmt } body: the classic one plus {@code cbSize = 0}. */
    static byte[] fmt18(int tag, int channels, int sampleRateHz, int bitsPerSample) {
        return ByteBuffer.allocate(18).put(fmt(tag, channels, sampleRateHz, bitsPerSample)).array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE body with the KSDATAFORMAT_SUBTYPE GUID for {@code subFormatTag}. */
    static byte[] fmtExtensible(int subFormatTag, int channels, int sampleRateHz, int bitsPerSample) {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put(fmt(0xFFFE, channels, sampleRateHz, bitsPerSample));
        fmt.putShort((short) 22).putShort((short) bitsPerSample).putInt(channels == 1 ? 0x4 : 0x3);
        fmt.putInt(subFormatTag).putShort((short) 0x0000).putShort((short) 0x0010);
        fmt.put(new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return fmt.array();
    }

    byte[] build() {
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(le32(4 + body.length));
        file.writeBytes(form.getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(body);
        return file.toByteArray();
    }

    static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
