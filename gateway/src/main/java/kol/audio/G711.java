package kol.audio;

import java.util.Objects;

/**
 * G.711 μ-law codec between 16-bit linear PCM and 8-bit μ-law, as in the ITU-T G.191 reference
 * implementation ({@code ulaw_compress} / {@code ulaw_expand}).
 *
 * <p>Both directions are single table look-ups. The encoder only ever sees the top 14 bits of a sample
 * (G.711 μ-law is defined on a 14-bit scale), so a 16384-byte table indexed by {@code sample >> 2} is the
 * whole function; it fits in L1/L2 and, in {@code MuLawBenchmark}, beats the segment search. Negative
 * samples use the one's complement {@code ~x} as magnitude, which is what makes the code symmetric about
 * -½ LSB: {@code -1..-4} encode to {@code 0x7F} (negative zero) just as {@code 0..3} encode to {@code 0xFF}.
 *
 * <p>All methods are stateless, allocation-free and safe from any thread.
 */
public final class G711 {

    /** μ-law code for a zero sample: positive zero, the byte a silent Twilio frame is made of. */
    public static final byte SILENCE = (byte) 0xFF;

    /** Largest magnitude the decoder produces (codes {@code 0x80} and {@code 0x00}). */
    public static final int MAX_DECODED = 32124;

    /** G.191's bias of 33 on the 14-bit scale: it moves every segment boundary to a power of two. */
    private static final int BIAS_14 = 33;
    private static final int MAX_BIASED_14 = 0x1FFF;

    private static final short[] DECODE = new short[256];
    private static final byte[] ENCODE = new byte[1 << 14];

    static {
        for (int code = 0; code < DECODE.length; code++) {
            DECODE[code] = (short) expand(code);
        }
        for (int index = 0; index < ENCODE.length; index++) {
            // Index is the sample's top 14 bits, sign included: index 0x2000..0x3FFF are negative samples.
            ENCODE[index] = (byte) compress((short) (index << 2));
        }
    }

    private G711() {
    }

    /** μ-law code for one PCM16 sample. */
    public static byte encode(short sample) {
        return ENCODE[(sample >> 2) & 0x3FFF];
    }

    /** PCM16 value of one μ-law code. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** Encodes {@code n} samples from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public static void encode(short[] src, int srcOff, byte[] dst, int dstOff, int n) {
        Objects.checkFromIndexSize(srcOff, n, src.length);
        Objects.checkFromIndexSize(dstOff, n, dst.length);
        final byte[] table = ENCODE;
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = table[(src[srcOff + i] >> 2) & 0x3FFF];
        }
    }

    /** Decodes {@code n} codes from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public static void decode(byte[] src, int srcOff, short[] dst, int dstOff, int n) {
        Objects.checkFromIndexSize(srcOff, n, src.length);
        Objects.checkFromIndexSize(dstOff, n, dst.length);
        final short[] table = DECODE;
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = table[src[srcOff + i] & 0xFF];
        }
    }

    /** G.191 {@code ulaw_compress} for one sample; run once per table entry. */
    private static int compress(short sample) {
        int biased = (sample < 0 ? (~sample) >> 2 : sample >> 2) + BIAS_14;
        if (biased > MAX_BIASED_14) {
            biased = MAX_BIASED_14;
        }
        // Segment 1..8 is one more than the bit length of biased >> 6; the step within it is 2^segment.
        final int segment = 1 + (Integer.SIZE - Integer.numberOfLeadingZeros(biased >> 6));
        final int highNibble = 8 - segment;
        final int lowNibble = 0xF - ((biased >> segment) & 0xF);
        final int code = (highNibble << 4) | lowNibble;
        return sample >= 0 ? code | 0x80 : code;
    }

    /** G.191 {@code ulaw_expand} for one code; run once per table entry. */
    private static int expand(int code) {
        final int inverted = ~code & 0xFF;
        final int exponent = (inverted >> 4) & 0x7;
        final int mantissa = inverted & 0xF;
        final int step = 4 << (exponent + 1);
        final int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * BIAS_14;
        return code < 0x80 ? -magnitude : magnitude;
    }
}
