package kol.audio;

import java.util.Arrays;

/**
 * Audio read from or to be written to a WAV file: interleaved samples in one of the two encodings the
 * phone path uses. {@code data} is held as is, not copied: treat it as read-only.
 */
public record WavAudio(int sampleRateHz, Encoding encoding, int channels, byte[] data) {

    /** The sample encodings this package reads and writes, with their WAV format tags. */
    public enum Encoding {
        /** Format tag 1, signed 16-bit little-endian. */
        PCM16(1, 16),
        /** Format tag 7, G.711 μ-law, one byte per sample. */
        MULAW(7, 8);

        private final int formatTag;
        private final int bitsPerSample;

        Encoding(int formatTag, int bitsPerSample) {
            this.formatTag = formatTag;
            this.bitsPerSample = bitsPerSample;
        }

        public int formatTag() {
            return formatTag;
        }

        public int bitsPerSample() {
            return bitsPerSample;
        }

        public int bytesPerSample() {
            return bitsPerSample / 8;
        }
    }

    public WavAudio {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRateHz);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("only mono and stereo are supported, was " + channels + " channels");
        }
        int blockBytes = encoding.bytesPerSample() * channels;
        if (data.length % blockBytes != 0) {
            throw new IllegalArgumentException(data.length + " bytes is not a whole number of " + blockBytes
                    + "-byte sample frames");
        }
    }

    /** Mono 16-bit PCM samples, stored little-endian. */
    public static WavAudio ofPcm16(int sampleRateHz, short[] samples) {
        byte[] data = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            data[2 * i] = (byte) samples[i];
            data[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new WavAudio(sampleRateHz, Encoding.PCM16, 1, data);
    }

    /** Mono μ-law at the phone rate, e.g. a recorded call leg. */
    public static WavAudio ofMuLaw(byte[] muLaw) {
        return new WavAudio(Telephony.SAMPLE_RATE_HZ, Encoding.MULAW, 1, muLaw);
    }

    /** Samples per channel. */
    public int frames() {
        return data.length / (encoding.bytesPerSample() * channels);
    }

    public long durationMs() {
        return frames() * 1000L / sampleRateHz;
    }

    /** All samples as PCM16, interleaved as stored; μ-law is decoded. */
    public short[] pcm16() {
        int samples = data.length / encoding.bytesPerSample();
        short[] pcm = new short[samples];
        if (encoding == Encoding.MULAW) {
            G711.decode(data, 0, pcm, 0, samples);
        } else {
            for (int i = 0; i < samples; i++) {
                pcm[i] = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
            }
        }
        return pcm;
    }

    /** PCM16 mono: stereo is mixed down to the mean of both channels. */
    public short[] pcm16Mono() {
        short[] pcm = pcm16();
        if (channels == 1) {
            return pcm;
        }
        short[] mono = new short[pcm.length / 2];
        for (int i = 0; i < mono.length; i++) {
            // The floor of the mean of two shorts always fits a short: no clipping needed.
            mono[i] = (short) ((pcm[2 * i] + pcm[2 * i + 1]) >> 1);
        }
        return mono;
    }

    /** Equal when format and every data byte match (a record would compare the array by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof WavAudio that
                && sampleRateHz == that.sampleRateHz
                && encoding == that.encoding
                && channels == that.channels
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return ((sampleRateHz * 31 + encoding.hashCode()) * 31 + channels) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WavAudio[" + sampleRateHz + " Hz, " + encoding + ", " + channels + " ch, " + data.length + " bytes]";
    }
}
