package kol.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes whole WAV files of 16-bit PCM or μ-law, mono or stereo, at any sample rate.
 *
 * <p>The reader walks the RIFF chunk list as the format defines it rather than assuming the 44-byte
 * canonical layout: it skips {@code LIST}, {@code fact} and unknown chunks (also between {@code fmt } and
 * {@code data}), honours the pad byte after odd-sized chunks, accepts {@code fmt } of 16, 18 or 40 bytes
 * including {@code WAVE_FORMAT_EXTENSIBLE} with a PCM or μ-law sub-format, and reads a data size of
 * {@code 0xFFFFFFFF} (a writer that never finished) as "to the end of the file". Anything else fails with a
 * {@link WavFormatException} naming what was found. For streaming output see {@link WavWriter}.
 */
public final class Wav {

    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID {0000xxxx-0000-0010-8000-00AA00389B71}, as stored. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71,
    };
    private static final String SUPPORTED = "supported: 16-bit PCM (format 1) and 8-bit μ-law (format 7), "
            + "also as WAVE_FORMAT_EXTENSIBLE sub-formats";

    private Wav() {
    }

    public static WavAudio read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Reads the stream to its end and parses it; the caller closes the stream. */
    public static WavAudio read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Parses a complete WAV file held in memory. */
    public static WavAudio parse(byte[] file) throws WavFormatException {
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        checkRiffWave(buf);
        Format format = null;
        int dataOff = -1;
        long dataBytes = 0;
        boolean dataSizeUnknown = false;
        List<String> seen = new ArrayList<>();
        int pos = 12;
        while (pos <= file.length - 8 && (format == null || dataOff < 0)) {
            String id = printable(buf, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            long remaining = file.length - body;
            seen.add(id);
            if ("data".equals(id)) {
                if (size == WavHeader.UNKNOWN_SIZE) {
                    size = remaining;
                    dataSizeUnknown = true;
                } else if (size > remaining) {
                    throw new WavFormatException("truncated: the data chunk declares " + size + " bytes but only "
                            + remaining + " follow");
                }
                dataOff = body;
                dataBytes = size;
            } else if (size > remaining) {
                throw new WavFormatException("truncated: chunk '" + id + "' declares " + size + " bytes but only "
                        + remaining + " follow");
            } else if ("fmt ".equals(id)) {
                format = parseFormat(buf, body, (int) size);
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            long next = body + size + (size & 1);
            pos = (int) Math.min(next, Integer.MAX_VALUE);
        }
        if (format == null) {
            throw new WavFormatException("no 'fmt ' chunk (chunks found: " + seen + ")");
        }
        if (dataOff < 0) {
            throw new WavFormatException("no 'data' chunk (chunks found: " + seen + ")");
        }
        int blockAlign = format.channels * format.encoding.bytesPerSample();
        if (dataSizeUnknown) {
            // The writer stopped without closing, possibly mid-sample: keep the whole frames.
            dataBytes -= dataBytes % blockAlign;
        } else if (dataBytes % blockAlign != 0) {
            throw new WavFormatException("truncated: the data chunk holds " + dataBytes
                    + " bytes, not a whole number of " + blockAlign + "-byte sample frames");
        }
        byte[] data = Arrays.copyOfRange(file, dataOff, dataOff + (int) dataBytes);
        return new WavAudio(format.sampleRateHz, format.encoding, format.channels, data);
    }

    private static void checkRiffWave(ByteBuffer buf) throws WavFormatException {
        int length = buf.limit();
        if (length < 4 || !"RIFF".equals(printable(buf, 0))) {
            throw new WavFormatException("not a RIFF/WAVE file: it starts with "
                    + (length < 4 ? length + " bytes only" : "'" + printable(buf, 0) + "'")
                    + " (big-endian RIFX and RF64 are not supported)");
        }
        if (length < 12) {
            throw new WavFormatException("truncated: " + length + " bytes, too short for a RIFF/WAVE header");
        }
        if (!"WAVE".equals(printable(buf, 8))) {
            throw new WavFormatException("not a WAVE file: RIFF form '" + printable(buf, 8) + "'");
        }
    }

    /** The complete file for {@code audio}, sizes filled in. */
    public static byte[] toBytes(WavAudio audio) {
        int headerBytes = WavHeader.bytes(audio.encoding());
        int dataBytes = audio.data().length;
        ByteBuffer out = ByteBuffer.allocate(headerBytes + dataBytes + (dataBytes & 1));
        WavHeader.put(out, audio.sampleRateHz(), audio.encoding(), audio.channels(), dataBytes);
        out.put(audio.data());
        return out.array();
    }

    public static void write(Path file, WavAudio audio) throws IOException {
        Files.write(file, toBytes(audio));
    }

    private record Format(WavAudio.Encoding encoding, int channels, int sampleRateHz) {
    }

    private static Format parseFormat(ByteBuffer buf, int off, int size) throws WavFormatException {
        if (size < 16) {
            throw new WavFormatException("'fmt ' chunk of " + size + " bytes; it needs at least 16");
        }
        int tag = Short.toUnsignedInt(buf.getShort(off));
        int channels = Short.toUnsignedInt(buf.getShort(off + 2));
        long sampleRateHz = Integer.toUnsignedLong(buf.getInt(off + 4));
        int blockAlign = Short.toUnsignedInt(buf.getShort(off + 12));
        int bitsPerSample = Short.toUnsignedInt(buf.getShort(off + 14));
        if (tag == FORMAT_EXTENSIBLE) {
            tag = subFormat(buf, off, size);
        }

        WavAudio.Encoding encoding;
        if (tag == WavAudio.Encoding.PCM16.formatTag()) {
            encoding = WavAudio.Encoding.PCM16;
        } else if (tag == WavAudio.Encoding.MULAW.formatTag()) {
            encoding = WavAudio.Encoding.MULAW;
        } else {
            throw new WavFormatException("unsupported format tag " + tag + " (" + formatName(tag) + "); "
                    + SUPPORTED);
        }
        if (bitsPerSample != encoding.bitsPerSample()) {
            throw new WavFormatException(encoding == WavAudio.Encoding.PCM16
                    ? bitsPerSample + "-bit PCM; only 16-bit PCM is supported"
                    : "μ-law with " + bitsPerSample + " bits per sample; μ-law is 8-bit");
        }
        if (channels != 1 && channels != 2) {
            throw new WavFormatException(channels + " channels; only mono and stereo are supported");
        }
        if (sampleRateHz == 0 || sampleRateHz > Integer.MAX_VALUE) {
            throw new WavFormatException("sample rate of " + sampleRateHz + " Hz");
        }
        if (blockAlign != channels * encoding.bytesPerSample()) {
            throw new WavFormatException("block align of " + blockAlign + " bytes does not match " + channels
                    + " channel(s) of " + bitsPerSample + "-bit samples");
        }
        return new Format(encoding, channels, (int) sampleRateHz);
    }

    /** The format tag inside a WAVE_FORMAT_EXTENSIBLE {@code fmt }: the first two bytes of its GUID. */
    private static int subFormat(ByteBuffer buf, int off, int size) throws WavFormatException {
        int extensionBytes = size >= 18 ? Short.toUnsignedInt(buf.getShort(off + 16)) : 0;
        if (size < 40 || extensionBytes < 22) {
            throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE with a " + size + "-byte 'fmt ' chunk ("
                    + extensionBytes + " extension bytes); it needs 40 (22)");
        }
        int guidOff = off + 24;
        for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
            if (buf.get(guidOff + 2 + i) != SUBFORMAT_GUID_TAIL[i]) {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE with a sub-format GUID that is not a "
                        + "KSDATAFORMAT_SUBTYPE; " + SUPPORTED);
            }
        }
        return Short.toUnsignedInt(buf.getShort(guidOff));
    }

    private static String formatName(int tag) {
        return switch (tag) {
            case 2 -> "Microsoft ADPCM";
            case 3 -> "IEEE float";
            case 6 -> "A-law";
            case 0x11 -> "IMA ADPCM";
            case 0x31 -> "GSM 6.10";
            case 0x50 -> "MPEG";
            case 0x55 -> "MPEG Layer 3";
            default -> String.format("0x%04X", tag);
        };
    }

    /** A four-character chunk id; bytes outside printable ASCII show as '?' (no real id has them). */
    private static String printable(ByteBuffer buf, int off) {
        StringBuilder id = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = buf.get(off + i) & 0xFF;
            id.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return id.toString();
    }
}
