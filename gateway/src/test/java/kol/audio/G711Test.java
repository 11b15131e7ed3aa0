package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

    private static final int PCM16_VALUES = 1 << 16;
    private static final AudioFormat PCM16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED,
            8000, 16, 1, 2, 8000, false);
    private static final AudioFormat ULAW = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);

    @Test
    void decodesItuReferenceCodes() {
        assertThat(G711.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711.decode((byte) 0xF0)).isEqualTo((short) 120);
        assertThat(G711.decode((byte) 0xEF)).isEqualTo((short) 132);
        assertThat(G711.decode((byte) 0x70)).isEqualTo((short) -120);
        assertThat(G711.decode((byte) 0x8F)).isEqualTo((short) 16764);
    }

    @Test
    void encodesZeroAsPositiveZeroAndTinyNegativesAsNegativeZero() {
        assertThat(G711.encode((short) 0)).isEqualTo(G711.SILENCE);
        assertThat(G711.encode((short) 3)).isEqualTo((byte) 0xFF);
        assertThat(G711.encode((short) 4)).isEqualTo((byte) 0xFE);
        assertThat(G711.encode((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(G711.encode((short) -4)).isEqualTo((byte) 0x7F);
        assertThat(G711.encode((short) -5)).isEqualTo((byte) 0x7E);
    }

    @Test
    void switchesSegmentExactlyAtTheG191DecisionLevels() {
        // First positive sample of each segment, and the code on either side of it.
        int[][] boundaries = {
            {124, 0xF0, 0xEF}, {380, 0xE0, 0xDF}, {892, 0xD0, 0xCF}, {1916, 0xC0, 0xBF},
            {3964, 0xB0, 0xAF}, {8060, 0xA0, 0x9F}, {16252, 0x90, 0x8F},
        };
        for (int[] boundary : boundaries) {
            int first = boundary[0];
            assertThat(G711.encode((short) (first - 1)) & 0xFF).as("below %d", first).isEqualTo(boundary[1]);
            assertThat(G711.encode((short) first) & 0xFF).as("at %d", first).isEqualTo(boundary[2]);
            // The negative side mirrors about -1/2: -(first + 1) is the first sample of the negative segment.
            assertThat(G711.encode((short) -first) & 0xFF).as("at -%d", first).isEqualTo(boundary[1] & 0x7F);
            assertThat(G711.encode((short) -(first + 1)) & 0xFF).as("at -%d", first + 1).isEqualTo(boundary[2] & 0x7F);
        }
    }

    @Test
    void clipsTheSixteenBitExtremesToTheLoudestCodes() {
        assertThat(G711.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        for (int x = 31612; x <= Short.MAX_VALUE; x++) {
            assertThat(G711.encode((short) x)).isEqualTo((byte) 0x80);
            assertThat(G711.encode((short) (-x - 1))).isEqualTo((byte) 0x00);
        }
        assertThat(G711.encode((short) 31611)).isEqualTo((byte) 0x81);
    }

    @Test
    void matchesTheG191ReferenceForEverySixteenBitSample() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            assertThat(G711.encode((short) x) & 0xFF).as("encode(%d)", x).isEqualTo(g191Compress(x));
        }
        for (int code = 0; code < 256; code++) {
            assertThat(G711.decode((byte) code)).as("decode(%02X)", code).isEqualTo((short) g191Expand(code));
        }
    }

    @Test
    void decodesEveryCodeExactlyAsTheJdk() throws IOException {
        byte[] codes = new byte[256];
        for (int code = 0; code < codes.length; code++) {
            codes[code] = (byte) code;
        }
        short[] jdk = jdkDecode(codes);
        for (int code = 0; code < codes.length; code++) {
            assertThat(G711.decode(codes[code])).as("decode(%02X)", code).isEqualTo(jdk[code]);
        }
    }

    /**
     * The JDK's encoder ({@code com.sun.media.sound.UlawCodec}) differs from G.191 in exactly three ways,
     * all visible in its source:
     * <ol>
     * <li>It adds the bias 0x84 to the magnitude in a {@code short} without G.191's clip first, so the sum
     *     wraps for samples 32636..32767 (132 of them), which then land in the lowest segment and encode as
     *     0xF0..0xFF, within 120 of silence, instead of 0x80, the loudest code.</li>
     * <li>The same wrap hits -32768..-32636 (133 samples): 0x70..0x7F instead of 0x00. So the JDK turns the
     *     peaks of a clipped signal into near-silence.</li>
     * <li>It takes a negative sample's magnitude as {@code -x}, where G.191 takes {@code ~x = -x - 1}; so the
     *     JDK encodes {@code x} as G.191 encodes {@code x - 1}. That moves every negative decision level by
     *     one sample: the 127 levels between the 128 negative codes each show up as one differing input.</li>
     * </ol>
     * Everything else, including all non-negative samples below 32636, is byte for byte the same.
     */
    @Test
    void encodesEverySampleAsTheJdkExceptTheJdksDocumentedDifferences() throws IOException {
        short[] all = new short[PCM16_VALUES];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (Short.MIN_VALUE + i);
        }
        byte[] jdk = jdkEncode(all);

        List<Integer> positiveWrap = new ArrayList<>();
        List<Integer> negativeWrap = new ArrayList<>();
        List<Integer> negativeLevels = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            short x = all[i];
            byte ours = G711.encode(x);
            if (ours == jdk[i]) {
                continue;
            }
            if (x >= 32636 && jdk[i] == jdkWrappedCode(x + 0x84, 0xFF) && ours == (byte) 0x80) {
                positiveWrap.add((int) x);
            } else if (x <= -32636 && jdk[i] == jdkWrappedCode(0x84 - x, 0x7F) && ours == (byte) 0x00) {
                negativeWrap.add((int) x);
            } else if (x < 0 && jdk[i] == G711.encode((short) (x - 1))) {
                negativeLevels.add((int) x);
            } else {
                throw new AssertionError(String.format("unexplained difference at %d: ours %02X, JDK %02X",
                        x, ours, jdk[i]));
            }
        }
        assertThat(positiveWrap).hasSize(132).startsWith(32636).endsWith(32767);
        assertThat(negativeWrap).hasSize(133).startsWith(-32768).endsWith(-32636);
        assertThat(negativeLevels).hasSize(127).startsWith(-31612).endsWith(-4);
        for (int x : positiveWrap) {
            assertThat(G711.decode(jdk[x - Short.MIN_VALUE])).isBetween((short) 0, (short) 120);
        }
        for (int x : negativeWrap) {
            assertThat(G711.decode(jdk[x - Short.MIN_VALUE])).isBetween((short) -120, (short) 0);
        }
        for (int x : negativeLevels) {
            // Each is the last sample before a G.191 negative decision level: x - 1 is in the next code.
            assertThat(G711.encode((short) (x - 1))).isNotEqualTo(G711.encode((short) x));
        }
    }

    @Test
    void roundTripErrorIsAtMostHalfTheSegmentStep() {
        for (int x = -32636; x <= 32636; x++) {
            byte code = G711.encode((short) x);
            int exponent = (~code >> 4) & 0x7;
            int stepInSamples = 8 << exponent;
            assertThat(Math.abs(G711.decode(code) - x)).as("x=%d", x).isLessThanOrEqualTo(stepInSamples / 2);
        }
    }

    @Test
    void everyCodeRoundTripsThroughItsDecodedValue() {
        for (int code = 0; code < 256; code++) {
            byte decodedAgain = G711.encode(G711.decode((byte) code));
            // Negative zero (0x7F) decodes to 0, which encodes as positive zero.
            assertThat(decodedAgain).isEqualTo(code == 0x7F ? G711.SILENCE : (byte) code);
        }
    }

    @Test
    void arrayFormsMatchSingleSamplesAndStayInsideTheirRange() {
        short[] pcm = {0, 1000, -1000, Short.MAX_VALUE, Short.MIN_VALUE, 124, -125};
        byte[] codes = new byte[pcm.length + 4];
        Arrays.fill(codes, (byte) 0x55);
        G711.encode(pcm, 1, codes, 2, 5);
        assertThat(codes[0]).isEqualTo((byte) 0x55);
        assertThat(codes[1]).isEqualTo((byte) 0x55);
        for (int i = 0; i < 5; i++) {
            assertThat(codes[2 + i]).isEqualTo(G711.encode(pcm[1 + i]));
        }
        assertThat(codes[7]).isEqualTo((byte) 0x55);

        short[] decoded = new short[9];
        G711.decode(codes, 2, decoded, 3, 5);
        assertThat(decoded[2]).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(decoded[3 + i]).isEqualTo(G711.decode(codes[2 + i]));
        }
        assertThat(decoded[8]).isZero();
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        assertThatThrownBy(() -> G711.encode(new short[4], 2, new byte[4], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> G711.decode(new byte[4], 0, new short[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> G711.decode(new byte[4], -1, new short[4], 0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** What UlawCodec emits once its biased magnitude has wrapped to a negative {@code short}: segment 0. */
    private static byte jdkWrappedCode(int biasedMagnitude, int signMask) {
        short wrapped = (short) biasedMagnitude;
        return (byte) (((wrapped >> 3) & 0xF) ^ signMask);
    }

    /** A transcription of G.191 {@code ulaw_compress}, loop and all, to check the table against. */
    private static int g191Compress(int linear) {
        int absno = linear < 0 ? ((~linear) >> 2) + 33 : (linear >> 2) + 33;
        if (absno > 0x1FFF) {
            absno = 0x1FFF;
        }
        int i = absno >> 6;
        int segno = 1;
        while (i != 0) {
            segno++;
            i >>= 1;
        }
        int highNibble = 0x0008 - segno;
        int lowNibble = 0x000F - ((absno >> segno) & 0x000F);
        int log = (highNibble << 4) | lowNibble;
        return linear >= 0 ? log | 0x0080 : log;
    }

    /** A transcription of G.191 {@code ulaw_expand}. */
    private static int g191Expand(int log) {
        int sign = log < 0x0080 ? -1 : 1;
        int mantissa = ~log;
        int exponent = (mantissa >> 4) & 0x0007;
        int segment = exponent + 1;
        mantissa = mantissa & 0x000F;
        int step = 4 << segment;
        return sign * ((0x0080 << exponent) + step * mantissa + step / 2 - 4 * 33);
    }

    private static byte[] jdkEncode(short[] pcm) throws IOException {
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(bytes), PCM16, pcm.length);
        try (AudioInputStream encoded = AudioSystem.getAudioInputStream(ULAW, source)) {
            byte[] codes = encoded.readAllBytes();
            assertThat(codes).hasSize(pcm.length);
            return codes;
        }
    }

    private static short[] jdkDecode(byte[] codes) throws IOException {
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(codes), ULAW, codes.length);
        try (AudioInputStream decoded = AudioSystem.getAudioInputStream(PCM16, source)) {
            byte[] bytes = decoded.readAllBytes();
            assertThat(bytes).hasSize(codes.length * 2);
            short[] pcm = new short[codes.length];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
            }
            return pcm;
        }
    }
}
