package kol.provider;

/**
 * The format of audio a provider produces: its own rate and encoding, converted to 8 kHz μ-law by the speaking
 * pipeline (or passed through when it already is).
 *
 * @param sampleRateHz samples per second
 * @param encoding how samples are stored
 */
public record AudioFormat(int sampleRateHz, Encoding encoding) {
    /** Sample encodings providers produce. */
    public enum Encoding {
        /** Signed 16-bit little-endian PCM, mono. */
        PCM16_LE,
        /** G.711 μ-law, mono. */
        MULAW
    }

    public static final AudioFormat MULAW_8K = new AudioFormat(8000, Encoding.MULAW);

    public static AudioFormat pcm16(int sampleRateHz) {
        return new AudioFormat(sampleRateHz, Encoding.PCM16_LE);
    }

    public int bytesPerSample() {
        return encoding == Encoding.PCM16_LE ? 2 : 1;
    }
}
