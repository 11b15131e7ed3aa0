package kol.audio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The immutable half of a {@link Resampler}: a Kaiser-windowed sinc low-pass for one rate pair, split
 * into polyphase branches. Designed once per pair and shared by every resampler of that pair.
 *
 * <p>Resampling by {@code out/in} is done as up-sampling by {@code L}, filtering at {@code in·L} and
 * down-sampling by {@code M}, where {@code L/M} is {@code out/in} in lowest terms (22050 → 8000 is
 * 160/441). Only every {@code M}-th output of the filter is wanted and only every {@code L}-th input is
 * non-zero, so each output is one branch ("phase") of {@code tapsPerPhase} coefficients dotted with the
 * last {@code tapsPerPhase} real input samples.
 */
final class PolyphaseFilter {

    /** Stop-band attenuation the design aims for; far beyond what μ-law's ~38 dB SNR can show. */
    static final double STOPBAND_DB = 60.0;
    /** Cutoff (-6 dB point) as a fraction of the lower rate: 3.7 kHz when either side is 8 kHz. */
    static final double CUTOFF_FRACTION = 0.4625;
    /**
     * Transition width as a fraction of the lower rate: 800 Hz at 8 kHz, so the pass band is flat to
     * 3.3 kHz (the top of the telephone band is 3.4 kHz) and the stop band starts at 4.1 kHz. What lies
     * between 4.0 and 4.1 kHz folds back to 3.9..4.0 kHz, above anything a phone reproduces.
     */
    static final double TRANSITION_FRACTION = 0.1;
    /** Refuses rate pairs whose table would be absurd (e.g. 44099 → 8000 Hz needs L = 8000). */
    static final int MAX_COEFFICIENTS = 1 << 20;

    private static final ConcurrentMap<Long, PolyphaseFilter> DESIGNS = new ConcurrentHashMap<>();

    final int upFactor;
    final int downFactor;
    final int tapsPerPhase;
    /** Input samples between an input sample and the output it dominates: the half-length of the filter. */
    final int delayInputSamples;
    /**
     * Phase {@code p} occupies {@code [p·tapsPerPhase, (p+1)·tapsPerPhase)}, ordered oldest input first so
     * the dot product walks history and coefficients forwards together.
     */
    final float[] coefficients;

    private PolyphaseFilter(int upFactor, int downFactor, int tapsPerPhase, int delayInputSamples,
            float[] coefficients) {
        this.upFactor = upFactor;
        this.downFactor = downFactor;
        this.tapsPerPhase = tapsPerPhase;
        this.delayInputSamples = delayInputSamples;
        this.coefficients = coefficients;
    }

    /** The shared design for {@code inRateHz → outRateHz}; designed on first use. */
    static PolyphaseFilter forRates(int inRateHz, int outRateHz) {
        long key = ((long) inRateHz << 32) | outRateHz;
        return DESIGNS.computeIfAbsent(key, k -> design(inRateHz, outRateHz));
    }

    private static PolyphaseFilter design(int inRateHz, int outRateHz) {
        int gcd = gcd(inRateHz, outRateHz);
        int up = outRateHz / gcd;
        int down = inRateHz / gcd;
        double lowerRateHz = Math.min(inRateHz, outRateHz);
        double upsampledRateHz = (double) inRateHz * up;
        double cutoff = CUTOFF_FRACTION * lowerRateHz / upsampledRateHz;
        double transitionRadians = 2 * Math.PI * TRANSITION_FRACTION * lowerRateHz / upsampledRateHz;

        // Kaiser's estimate of the length that reaches STOPBAND_DB across the transition band.
        long prototypeTaps = (long) Math.ceil((STOPBAND_DB - 7.95) / (2.285 * transitionRadians)) + 1;
        // Whole taps per phase, rounded to a multiple of 4 for the unrolled dot product in Resampler.
        int tapsPerPhase = (int) (((prototypeTaps + up - 1) / up + 3) & ~3L);
        long total = (long) tapsPerPhase * up;
        if (total > MAX_COEFFICIENTS) {
            throw new IllegalArgumentException("resampling " + inRateHz + " Hz to " + outRateHz + " Hz needs "
                    + total + " filter coefficients (ratio " + up + "/" + down + "); the limit is "
                    + MAX_COEFFICIENTS);
        }
        int length = (int) total;
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        double center = (length - 1) / 2.0;
        double[] prototype = new double[length];
        double sum = 0;
        for (int k = 0; k < length; k++) {
            double t = k - center;
            double ratio = t / center;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / besselI0(beta);
            prototype[k] = 2 * cutoff * sinc(2 * cutoff * t) * window;
            sum += prototype[k];
        }
        // Zero-stuffing divides the level by L; a DC gain of L over the whole prototype gives each phase ~1.
        double gain = up / sum;
        float[] coefficients = new float[length];
        for (int phase = 0; phase < up; phase++) {
            for (int j = 0; j < tapsPerPhase; j++) {
                int age = tapsPerPhase - 1 - j;
                coefficients[phase * tapsPerPhase + j] = (float) (prototype[phase + up * age] * gain);
            }
        }
        int delay = (int) Math.ceil(center / up);
        return new PolyphaseFilter(up, down, tapsPerPhase, delay, coefficients);
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 10). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 64; k++) {
            term *= (halfX / k) * (halfX / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
