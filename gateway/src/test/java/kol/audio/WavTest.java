package kol.audio;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

    private static final byte[] FOUR_PCM_SAMPLES = {1, 0, 2, 0, (byte) 0xFF, (byte) 0xFF, 0, (byte) 0x80};

    @TempDir
    Path dir;

    @Test
    void roundTripsPcm16MonoThroughAFile() throws IOException {
        WavAudio audio = WavAudio.ofPcm16(24000, Tones.sine(1000, -6, 100));
        Path file = dir.resolve("tone.wav");

        Wav.write(file, audio);

        assertThat(Wav.read(file)).isEqualTo(audio);
        assertThat(Wav.read(file).pcm16()).isEqualTo(Tones.sine(1000, -6, 100));
        assertThat(file).hasSize(44 + 1600);
    }

    @Test
    void roundTripsOddLengthMuLawWithItsPadByte() throws IOException {
        byte[] odd = Arrays.copyOf(Tones.sineMuLaw(440, -10, 1), 7);
        WavAudio oddAudio = WavAudio.ofMuLaw(odd);

        byte[] file = Wav.toBytes(oddAudio);

        assertThat(file).hasSize(58 + 7 + 1);
        assertThat(Wav.parse(file)).isEqualTo(oddAudio);
        assertThat(Wav.read(new ByteArrayInputStream(file))).isEqualTo(oddAudio);
    }

    @Test
    void roundTripsStereoAndMixesItDownToMono() throws IOException {
        short[] interleaved = {1000, 3000, -1000, -3001, Short.MAX_VALUE, Short.MAX_VALUE};
        byte[] data = littleEndian(interleaved);
        WavAudio stereo = new WavAudio(44100, WavAudio.Encoding.PCM16, 2, data);

        WavAudio read = Wav.parse(Wav.toBytes(stereo));

        assertThat(read.channels()).isEqualTo(2);
        assertThat(read.frames()).isEqualTo(3);
        assertThat(read.pcm16()).isEqualTo(interleaved);
        assertThat(read.pcm16Mono()).containsExactly((short) 2000, (short) -2001, Short.MAX_VALUE);
    }

    @Test
    void decodesMuLawToPcm() throws IOException {
        byte[] codes = {(byte) 0xFF, (byte) 0x80, 0x00, 0x7F};
        WavAudio read = Wav.parse(Wav.toBytes(WavAudio.ofMuLaw(codes)));
        assertThat(read.encoding()).isEqualTo(WavAudio.Encoding.MULAW);
        assertThat(read.pcm16()).containsExactly((short) 0, (short) 32124, (short) -32124, (short) 0);
        assertThat(read.durationMs()).isZero();
    }

    @Test
    void skipsAListChunkOfOddSizeBeforeTheData() throws IOException {
        byte[] file = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmt(1, 1, 16000, 16))
                .chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000Lavf\u0000".getBytes(ISO_8859_1))
                .chunk("junk", new byte[] {1, 2, 3})
                .chunk("data", FOUR_PCM_SAMPLES)
                .build();

        WavAudio read = Wav.parse(file);

        assertThat(read.sampleRateHz()).isEqualTo(16000);
        assertThat(read.data()).isEqualTo(FOUR_PCM_SAMPLES);
    }

    @Test
    void readsAnEighteenByteFmtWithAFactChunkAndDataBeforeTrailingChunks() throws IOException {
        byte[] file = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmt18(7, 1, 8000, 8))
                .chunk("fact", RiffBuilder.le32(3))
                .chunk("data", new byte[] {1, 2, 3})
                .chunk("LIST", new byte[10])
                .build();

        WavAudio read = Wav.parse(file);

        assertThat(read.encoding()).isEqualTo(WavAudio.Encoding.MULAW);
        assertThat(read.data()).containsExactly(1, 2, 3);
    }

    @Test
    void readsDataThatComesBeforeFmt() throws IOException {
        byte[] file = RiffBuilder.wave()
                .chunk("data", FOUR_PCM_SAMPLES)
                .chunk("fmt ", RiffBuilder.fmt(1, 2, 48000, 16))
                .build();
        WavAudio read = Wav.parse(file);
        assertThat(read.channels()).isEqualTo(2);
        assertThat(read.frames()).isEqualTo(2);
    }

    @Test
    void readsWaveFormatExtensibleWithPcmAndMuLawSubFormats() throws IOException {
        byte[] pcm = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmtExtensible(1, 2, 22050, 16))
                .chunk("data", FOUR_PCM_SAMPLES)
                .build();
        byte[] muLaw = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmtExtensible(7, 1, 8000, 8))
                .chunk("data", new byte[] {(byte) 0xFF})
                .build();

        assertThat(Wav.parse(pcm)).isEqualTo(new WavAudio(22050, WavAudio.Encoding.PCM16, 2, FOUR_PCM_SAMPLES));
        assertThat(Wav.parse(muLaw)).isEqualTo(WavAudio.ofMuLaw(new byte[] {(byte) 0xFF}));
    }

    @Test
    void readsAnUnfinishedDataSizeAsTheWholeFramesToTheEndOfTheFile() throws IOException {
        byte[] file = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 16))
                .chunk("data", 0xFFFF_FFFFL, FOUR_PCM_SAMPLES, false)
                .build();
        assertThat(Wav.parse(file).data()).isEqualTo(FOUR_PCM_SAMPLES);

        byte[] stoppedMidSample = RiffBuilder.wave()
                .chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 16))
                .chunk("data", 0xFFFF_FFFFL, Arrays.copyOf(FOUR_PCM_SAMPLES, 5), false)
                .build();
        assertThat(Wav.parse(stoppedMidSample).data()).isEqualTo(Arrays.copyOf(FOUR_PCM_SAMPLES, 4));
    }

    @Test
    void rejectsWhatIsNotRiffWave() {
        assertFails("ID3\u0003 an mp3".getBytes(ISO_8859_1),
                "not a RIFF/WAVE file", "'ID3?'");
        assertFails(new byte[] {'R', 'I'}, "not a RIFF/WAVE file", "2 bytes");
        assertFails(RiffBuilder.riff("AVI ").chunk("data", new byte[2]).build(), "not a WAVE file", "'AVI '");
        assertFails(Arrays.copyOf(RiffBuilder.wave().build(), 10), "truncated", "10 bytes");
    }

    @Test
    void rejectsAFileWithoutFmtOrData() {
        assertFails(RiffBuilder.wave().chunk("data", FOUR_PCM_SAMPLES).build(), "no 'fmt ' chunk", "[data]");
        assertFails(RiffBuilder.wave().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 16)).chunk("LIST", new byte[4])
                .build(), "no 'data' chunk", "[fmt , LIST]");
    }

    @Test
    void rejectsFormatsOtherThanPcm16AndMuLawByName() {
        assertFails(withFmt(RiffBuilder.fmt(3, 1, 48000, 32)), "format tag 3 (IEEE float)", "supported: 16-bit PCM");
        assertFails(withFmt(RiffBuilder.fmt(6, 1, 8000, 8)), "format tag 6 (A-law)");
        assertFails(withFmt(RiffBuilder.fmt(0x55, 2, 44100, 0)), "format tag 85 (MPEG Layer 3)");
        assertFails(withFmt(RiffBuilder.fmt(0x1234, 1, 8000, 16)), "format tag 4660 (0x1234)");
        assertFails(withFmt(RiffBuilder.fmtExtensible(3, 1, 48000, 32)), "format tag 3 (IEEE float)");
    }

    @Test
    void rejectsPcmThatIsNotSixteenBit() {
        assertFails(withFmt(RiffBuilder.fmt(1, 1, 8000, 8)), "8-bit PCM; only 16-bit PCM is supported");
        assertFails(withFmt(RiffBuilder.fmt(1, 1, 48000, 24)), "24-bit PCM; only 16-bit PCM is supported");
        assertFails(withFmt(RiffBuilder.fmtExtensible(1, 2, 96000, 24)), "24-bit PCM");
    }

    @Test
    void rejectsMoreThanTwoChannelsAndInconsistentFormats() {
        assertFails(withFmt(RiffBuilder.fmt(1, 6, 48000, 16)), "6 channels; only mono and stereo");
        byte[] badAlign = RiffBuilder.fmt(1, 1, 8000, 16);
        badAlign[12] = 4;
        assertFails(withFmt(badAlign), "block align of 4 bytes");
        assertFails(withFmt(Arrays.copyOf(RiffBuilder.fmt(1, 1, 8000, 16), 14)), "'fmt ' chunk of 14 bytes");
        assertFails(withFmt(RiffBuilder.fmt18(0xFFFE, 1, 8000, 16)), "WAVE_FORMAT_EXTENSIBLE with a 18-byte");
        byte[] foreignGuid = RiffBuilder.fmtExtensible(1, 1, 8000, 16);
        foreignGuid[39] = 0;
        assertFails(withFmt(foreignGuid), "not a KSDATAFORMAT_SUBTYPE");
    }

    @Test
    void rejectsTruncatedFiles() {
        byte[] whole = Wav.toBytes(WavAudio.ofPcm16(8000, new short[100]));
        assertFails(Arrays.copyOf(whole, whole.length - 10), "truncated: the data chunk declares 200 bytes",
                "190 follow");
        assertFails(RiffBuilder.wave().chunk("fmt ", 16, new byte[6], false).build(), "truncated: chunk 'fmt '");
        assertFails(RiffBuilder.wave().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 16))
                .chunk("data", new byte[] {1, 2, 3}).build(), "3 bytes, not a whole number of 2-byte");
    }

    @Test
    void writesFilesTheJdkReads() throws Exception {
        short[] tone = Tones.sine(1000, -6, 100);
        Path pcmFile = dir.resolve("pcm.wav");
        Path muLawFile = dir.resolve("ulaw.wav");
        Wav.write(pcmFile, WavAudio.ofPcm16(16000, tone));
        Wav.write(muLawFile, WavAudio.ofMuLaw(Tones.muLaw(tone)));

        try (AudioInputStream in = AudioSystem.getAudioInputStream(pcmFile.toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(16000f);
            assertThat(format.isBigEndian()).isFalse();
            assertThat(in.getFrameLength()).isEqualTo(tone.length);
            assertThat(in.readAllBytes()).isEqualTo(WavAudio.ofPcm16(16000, tone).data());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(muLawFile.toFile())) {
            assertThat(in.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.ULAW);
            assertThat(in.getFrameLength()).isEqualTo(tone.length);
            assertThat(in.readAllBytes()).isEqualTo(Tones.muLaw(tone));
        }
    }

    @Test
    void readsFilesTheJdkWrites() throws IOException, UnsupportedAudioFileException {
        byte[] data = littleEndian(Tones.sine(440, -3, 50));
        AudioFormat format = new AudioFormat(22050f, 16, 1, true, false);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), format, data.length / 2),
                AudioFileFormat.Type.WAVE, file);

        WavAudio read = Wav.parse(file.toByteArray());

        assertThat(read).isEqualTo(new WavAudio(22050, WavAudio.Encoding.PCM16, 1, data));
    }

    private static byte[] littleEndian(short[] samples) {
        return WavAudio.ofPcm16(Telephony.SAMPLE_RATE_HZ, samples).data();
    }

    private static byte[] withFmt(byte[] fmt) {
        return RiffBuilder.wave().chunk("fmt ", fmt).chunk("data", FOUR_PCM_SAMPLES).build();
    }

    private static void assertFails(byte[] file, String... messageParts) {
        assertThatThrownBy(() -> Wav.parse(file))
                .isInstanceOf(WavFormatException.class)
                .hasMessageContainingAll(messageParts);
    }
}
