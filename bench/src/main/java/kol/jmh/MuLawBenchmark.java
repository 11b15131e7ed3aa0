package kol.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import kol.audio.G711;
import kol.audio.Telephony;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * G.711 μ-law on one 20 ms frame (160 samples). {@code encodeFrameBySegmentSearch} is the arithmetic form
 * the 16 KiB table replaces, kept here as the baseline that justifies the table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MuLawBenchmark {

    private static final int FRAME = Telephony.FRAME_SAMPLES;

    private final short[] pcm = new short[FRAME];
    private final byte[] muLaw = new byte[FRAME];
    private final short[] decoded = new short[FRAME];

    @Setup
    public void fill() {
        // Speech-like: a 300 Hz fundamental at mixed loudness plus noise, spread over all segments.
        Random random = new Random(42);
        for (int i = 0; i < FRAME; i++) {
            double voiced = 9000 * Math.sin(2 * Math.PI * 300 * i / Telephony.SAMPLE_RATE_HZ);
            double sample = voiced + random.nextGaussian() * 4000;
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
        }
        G711.encode(pcm, 0, muLaw, 0, FRAME);
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            if (segmentSearch((short) x) != G711.encode((short) x)) {
                throw new IllegalStateException("baseline disagrees with G711 at " + x);
            }
        }
    }

    @Benchmark
    public byte[] encodeFrame() {
        G711.encode(pcm, 0, muLaw, 0, FRAME);
        return muLaw;
    }

    @Benchmark
    public short[] decodeFrame() {
        G711.decode(muLaw, 0, decoded, 0, FRAME);
        return decoded;
    }

    @Benchmark
    public byte[] encodeFrameBySegmentSearch() {
        for (int i = 0; i < FRAME; i++) {
            muLaw[i] = segmentSearch(pcm[i]);
        }
        return muLaw;
    }

    /** G.191 {@code ulaw_compress} with the segment found from the leading-zero count instead of a loop. */
    private static byte segmentSearch(short sample) {
        int biased = Math.min((sample < 0 ? ~sample : sample) >> 2, 0x1FFF - 33) + 33;
        int segment = 1 + (Integer.SIZE - Integer.numberOfLeadingZeros(biased >> 6));
        int code = ((8 - segment) << 4) | (0xF - ((biased >> segment) & 0xF));
        return (byte) (sample >= 0 ? code | 0x80 : code);
    }
}
