package kol.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import kol.audio.Resampler;
import kol.audio.Telephony;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One 20 ms TTS chunk resampled to 8 kHz: the work a call's speak path does 50 times a second. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResamplerBenchmark {

    @Param({"24000", "22050", "16000", "44100", "48000"})
    public int inRateHz;

    private Resampler resampler;
    private short[] chunk;
    private short[] out;

    @Setup
    public void prepare() {
        resampler = Resampler.toTelephony(inRateHz);
        chunk = new short[inRateHz * Telephony.FRAME_MS / 1000];
        Random random = new Random(7);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / inRateHz) + random.nextGaussian() * 2000);
        }
        out = new short[resampler.maxOutput(chunk.length)];
    }

    @Benchmark
    public int resample20ms() {
        return resampler.process(chunk, 0, chunk.length, out, 0);
    }
}
