package kol.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import kol.audio.Telephony;
import kol.audio.vad.EnergyVad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The default VAD over one second (50 frames) of a phone line: line noise at −50 dBFS with a voiced
 * sound (eight harmonics of 140 Hz at −20 dBFS) in half the frames; scores are per frame. It runs on every
 * inbound frame of every call, on the socket's event loop, so its cost is a share of a core per thousand calls.
 * {@link #digitalSilence} is a muted caller's line, whose spectrum the VAD takes as known.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnergyVadBenchmark {

    private static final int FRAMES = 1000 / Telephony.FRAME_MS;

    private final EnergyVad vad = new EnergyVad();
    private final short[] pcm = new short[FRAMES * Telephony.FRAME_SAMPLES];
    private final EnergyVad silentLineVad = new EnergyVad();
    /** A muted caller: digital silence (μ-law 0xFF), as Twilio sends it. */
    private final short[] silence = new short[FRAMES * Telephony.FRAME_SAMPLES];

    @Setup
    public void prepare() {
        Random random = new Random(5);
        double noiseRms = 32767 * Math.pow(10, -50 / 20.0);
        double voiceAmplitude = 32767 * Math.pow(10, -20 / 20.0) / 3;
        for (int i = 0; i < pcm.length; i++) {
            double v = random.nextGaussian() * noiseRms;
            if ((i / Telephony.FRAME_SAMPLES) % 2 == 1) {
                for (int h = 1; h <= 8; h++) {
                    v += voiceAmplitude * Math.sin(2 * Math.PI * 140 * h * i / Telephony.SAMPLE_RATE_HZ) / h;
                }
            }
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float speechProbability() {
        return everyFrame(vad, pcm);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float digitalSilence() {
        return everyFrame(silentLineVad, silence);
    }

    private static float everyFrame(EnergyVad vad, short[] pcm) {
        float sum = 0;
        for (int f = 0; f < FRAMES; f++) {
            sum += vad.speechProbability(pcm, f * Telephony.FRAME_SAMPLES);
        }
        return sum;
    }
}
