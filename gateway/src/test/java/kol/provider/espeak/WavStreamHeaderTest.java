package kol.provider.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kol.audio.WavFormatException;
import org.junit.jupiter.api.Test;

class WavStreamHeaderTest {

    private static final byte[] SAMPLES = {1, 2, 3, 4};
    /** espeak-ng 1.51's --stdout sizes: it streams, so it writes a large placeholder instead of the real length. */
    private static final long ESPEAK_PLACEHOLDER = 0x7FFF_F000L;

    @Test
    void readsEspeaksStreamingHeaderAndStopsAtTheFirstSample() throws IOException {
        InputStream in = stream(riff(ESPEAK_PLACEHOLDER), fmt(1, 1, 22_050, 16),
                chunkHeader("data", ESPEAK_PLACEHOLDER), SAMPLES);

        assertThat(WavStreamHeader.readPcm16Mono(in)).isEqualTo(22_050);
        assertThat(in.readAllBytes()).isEqualTo(SAMPLES);
    }

    @Test
    void ignoresSizesOfZeroAndAllOnes() throws IOException {
        for (long size : new long[] {0, 0xFFFF_FFFFL}) {
            InputStream in = stream(riff(size), fmt(1, 1, 16_000, 16), chunkHeader("data", size), SAMPLES);

            assertThat(WavStreamHeader.readPcm16Mono(in)).isEqualTo(16_000);
            assertThat(in.readAllBytes()).isEqualTo(SAMPLES);
        }
    }

    @Test
    void skipsOtherChunksAndTheirPadByte() throws IOException {
        byte[] list = concat(chunkHeader("LIST", 5), "INFOx".getBytes(StandardCharsets.US_ASCII), new byte[] {0});
        InputStream in = stream(riff(0), list, fmt(1, 1, 22_050, 16), chunkHeader("fact", 4), new byte[4],
                chunkHeader("data", 0), SAMPLES);

        assertThat(WavStreamHeader.readPcm16Mono(in)).isEqualTo(22_050);
        assertThat(in.readAllBytes()).isEqualTo(SAMPLES);
    }

    @Test
    void anEmptyStreamIsNoOutput() throws IOException {
        assertThat(WavStreamHeader.readPcm16Mono(InputStream.nullInputStream())).isEqualTo(WavStreamHeader.NO_OUTPUT);
    }

    @Test
    void rejectsWhatIsNotAWav() {
        InputStream in = stream("Error: The specified espeak-ng voice does not exist.\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> WavStreamHeader.readPcm16Mono(in)).isInstanceOf(WavFormatException.class)
                .hasMessage("not a RIFF/WAVE stream: it starts with 'Erro' and 'he s'");
    }

    @Test
    void rejectsFormatsOtherThan16BitMonoPcm() {
        byte[][] formats = {fmt(1, 2, 22_050, 16), fmt(1, 1, 22_050, 8), fmt(3, 1, 22_050, 32), fmt(7, 1, 8_000, 8)};
        for (byte[] format : formats) {
            InputStream in = stream(riff(0), format, chunkHeader("data", 0), SAMPLES);

            assertThatThrownBy(() -> WavStreamHeader.readPcm16Mono(in)).isInstanceOf(WavFormatException.class)
                    .hasMessageContaining("expected 16-bit mono PCM");
        }
    }

    @Test
    void rejectsAStreamThatEndsInsideTheHeader() {
        byte[] whole = concat(riff(0), fmt(1, 1, 22_050, 16), chunkHeader("data", 0));
        for (int cut : new int[] {3, 12, 20, 30, 43}) {
            InputStream in = stream(Arrays.copyOf(whole, cut));

            assertThatThrownBy(() -> WavStreamHeader.readPcm16Mono(in)).as("cut at %d", cut)
                    .isInstanceOf(WavFormatException.class)
                    .hasMessageMatching("the stream ended \\d+ bytes into the WAV header");
        }
    }

    @Test
    void rejectsDataBeforeFormatAndOversizedChunks() {
        InputStream dataFirst = stream(riff(0), chunkHeader("data", 0), SAMPLES);
        InputStream hugeChunk = stream(riff(0), chunkHeader("junk", 0x7FFF_0000L), SAMPLES);

        assertThatThrownBy(() -> WavStreamHeader.readPcm16Mono(dataFirst))
                .hasMessage("the 'data' chunk comes before any 'fmt ' chunk");
        assertThatThrownBy(() -> WavStreamHeader.readPcm16Mono(hugeChunk))
                .hasMessage("a 'junk' chunk of 2147418112 bytes before the audio");
    }

    private static byte[] riff(long size) {
        return concat(chunkHeader("RIFF", size), "WAVE".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] fmt(int tag, int channels, int sampleRateHz, int bitsPerSample) {
        int blockAlign = channels * bitsPerSample / 8;
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) tag).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample);
        return concat(chunkHeader("fmt ", 16), body.array());
    }

    private static byte[] chunkHeader(String id, long size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(id.getBytes(StandardCharsets.US_ASCII))
                .putInt((int) size).array();
    }

    private static InputStream stream(byte[]... parts) {
        return new ByteArrayInputStream(concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
