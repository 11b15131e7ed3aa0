package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void streamsMuLawFramesAndPatchesTheSizesOnClose() throws IOException {
        Path file = dir.resolve("call.wav");
        byte[] call = Tones.sineMuLaw(1000, -10, 1000);

        try (WavWriter writer = WavWriter.create(file, 8000, WavAudio.Encoding.MULAW, 1)) {
            for (int off = 0; off < call.length; off += Telephony.FRAME_BYTES) {
                writer.write(call, off, Telephony.FRAME_BYTES);
            }
            assertThat(writer.dataBytes()).isEqualTo(8000);
        }

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).hasSize(58 + 8000);
        assertThat(Wav.toBytes(WavAudio.ofMuLaw(call))).isEqualTo(bytes);
        assertThat(Wav.read(file)).isEqualTo(WavAudio.ofMuLaw(call));
    }

    @Test
    void encodesPcmSamplesForEitherEncoding() throws IOException {
        short[] tone = Tones.sine(440, -3, 300);
        Path pcmFile = dir.resolve("pcm.wav");
        Path muLawFile = dir.resolve("ulaw.wav");

        try (WavWriter pcm = WavWriter.create(pcmFile, 8000, WavAudio.Encoding.PCM16, 1);
                WavWriter muLaw = WavWriter.create(muLawFile, 8000, WavAudio.Encoding.MULAW, 1)) {
            for (int off = 0; off < tone.length; off += 333) {
                int n = Math.min(333, tone.length - off);
                pcm.writeSamples(tone, off, n);
                muLaw.writeSamples(tone, off, n);
            }
        }

        assertThat(Wav.read(pcmFile)).isEqualTo(WavAudio.ofPcm16(8000, tone));
        assertThat(Wav.read(muLawFile)).isEqualTo(WavAudio.ofMuLaw(Tones.muLaw(tone)));
    }

    @Test
    void leavesAReadableFileBeforeCloseAndAfterFlush() throws IOException {
        Path file = dir.resolve("live.wav");
        short[] first = Tones.sine(500, -6, 600);
        try (WavWriter writer = WavWriter.create(file, 16000, WavAudio.Encoding.PCM16, 1)) {
            writer.writeSamples(first, 0, first.length);
            writer.flush();
            assertThat(Wav.read(file)).isEqualTo(WavAudio.ofPcm16(16000, first));
            assertThat(dataSizeField(file)).isEqualTo(first.length * 2);

            writer.writeSamples(first, 0, 100);
            // Not flushed: the file holds the flushed part and sizes; the new samples are still buffered.
            assertThat(Wav.read(file).frames()).isEqualTo(first.length);
        }
        assertThat(Wav.read(file).frames()).isEqualTo(first.length + 100);
    }

    @Test
    void writesPlaceholderSizesUntilTheFirstFlush() throws IOException {
        Path file = dir.resolve("crashed.wav");
        WavWriter writer = WavWriter.create(file, 8000, WavAudio.Encoding.MULAW, 1);
        writer.write(new byte[9000], 0, 9000);
        // As if the process died here: one 8192-byte buffer of data reached the file, sizes still 0xFFFFFFFF.

        assertThat(dataSizeField(file)).isEqualTo(0xFFFF_FFFFL);
        assertThat(Wav.read(file).frames()).isEqualTo(8192);
        writer.close();
        assertThat(Wav.read(file).frames()).isEqualTo(9000);
    }

    @Test
    void padsOddDataAndCountsStereoFrames() throws IOException {
        Path file = dir.resolve("odd.wav");
        try (WavWriter writer = WavWriter.create(file, 8000, WavAudio.Encoding.MULAW, 1)) {
            writer.write(new byte[] {1, 2, 3}, 0, 3);
        }
        assertThat(Files.readAllBytes(file)).hasSize(58 + 4).endsWith(1, 2, 3, 0);
        assertThat(Wav.read(file).data()).containsExactly(1, 2, 3);

        Path stereo = dir.resolve("stereo.wav");
        short[] interleaved = {1, -1, 2, -2, 3, -3};
        try (WavWriter writer = WavWriter.create(stereo, 48000, WavAudio.Encoding.PCM16, 2)) {
            writer.writeSamples(interleaved, 0, interleaved.length);
        }
        WavAudio read = Wav.read(stereo);
        assertThat(read.frames()).isEqualTo(3);
        assertThat(read.pcm16()).isEqualTo(interleaved);
    }

    @Test
    void closesOnceAndRefusesWritesAfterwards() throws IOException {
        WavWriter writer = WavWriter.create(dir.resolve("closed.wav"), 8000, WavAudio.Encoding.PCM16, 1);
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.write(new byte[2], 0, 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> WavWriter.create(dir.resolve("x.wav"), 8000, WavAudio.Encoding.PCM16, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long dataSizeField(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerBytes = bytes[20] == 1 ? 44 : 58;
        return Integer.toUnsignedLong(ByteBuffer.wrap(Arrays.copyOfRange(bytes, headerBytes - 4, headerBytes))
                .order(ByteOrder.LITTLE_ENDIAN).getInt());
    }
}
