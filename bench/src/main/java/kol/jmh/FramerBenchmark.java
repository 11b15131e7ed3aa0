package kol.jmh;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kol.audio.FrameConsumer;
import kol.audio.Framer;
import kol.audio.Telephony;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One second of audio (50 frames) arriving in random chunks of 1..800 samples, cut into frames; scores are
 * per frame. The consumer folds one byte of each frame into a checksum so the copies cannot be elided.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FramerBenchmark {

    private static final int FRAMES_PER_SECOND = 1000 / Telephony.FRAME_MS;
    private static final int SECOND_BYTES = Telephony.SAMPLE_RATE_HZ;

    private final Framer framer = new Framer();
    private final byte[] muLaw = new byte[SECOND_BYTES];
    private final short[] pcm = new short[SECOND_BYTES];
    private int[] chunkSizes;
    private int checksum;
    private final FrameConsumer consumer = frame -> checksum += frame[frame.length / 2];

    @Setup
    public void prepare() {
        Random random = new Random(11);
        random.nextBytes(muLaw);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) random.nextInt();
        }
        // Random sizes that add up to exactly one second, so every invocation ends on a frame boundary.
        int[] sizes = new int[SECOND_BYTES];
        int count = 0;
        for (int total = 0; total < SECOND_BYTES; count++) {
            sizes[count] = Math.min(1 + random.nextInt(800), SECOND_BYTES - total);
            total += sizes[count];
        }
        chunkSizes = Arrays.copyOf(sizes, count);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_SECOND)
    public int muLawChunksToFrames() {
        int pos = 0;
        for (int size : chunkSizes) {
            framer.push(muLaw, pos, size, consumer);
            pos += size;
        }
        return checksum;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_SECOND)
    public int pcmChunksToMuLawFrames() {
        int pos = 0;
        for (int size : chunkSizes) {
            framer.pushPcm(pcm, pos, size, consumer);
            pos += size;
        }
        return checksum;
    }
}
