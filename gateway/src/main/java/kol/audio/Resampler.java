package kol.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming sample-rate converter for PCM16 mono, built for TTS output (16, 22.05, 24, 44.1 or 48 kHz)
 * going to the 8 kHz phone line, with the anti-alias filter of a {@link PolyphaseFilter}.
 *
 * <p>Feed it chunks of any size: it keeps the filter's history between calls, so a signal cut into pieces
 * comes out sample for sample the same as the whole signal in one call. Output is causal, delayed by about
 * half the filter ({@link #delayInputSamples()}); {@link #flush} pushes that tail out at the end of an
 * utterance. Equal rates pass samples through untouched.
 *
 * <p>One owner thread per instance (it holds per-stream history); the coefficient tables are immutable
 * and shared by all instances for a rate pair. {@code process} and {@code flush} allocate nothing.
 */
public final class Resampler {

    private final int inRateHz;
    private final int outRateHz;
    /** Null when the rates are equal. */
    private final PolyphaseFilter filter;
    private final float[] coefficients;
    private final int tapsPerPhase;
    private final int upFactor;
    private final int wholeStep;
    private final int fractionalStep;
    /**
     * The last {@code tapsPerPhase} inputs, written twice ({@code i} and {@code i + tapsPerPhase}) so the
     * window ending at the newest sample is always one contiguous run starting at {@code historyPos}.
     */
    private final float[] history;
    private int historyPos;
    /** Polyphase branch of the next output: its position between two inputs, in units of 1/L input. */
    private int phase;
    /** Inputs still to take in before the next output is due; 0 means due now. */
    private int inputsUntilOutput;

    private Resampler(int inRateHz, int outRateHz, PolyphaseFilter filter) {
        this.inRateHz = inRateHz;
        this.outRateHz = outRateHz;
        this.filter = filter;
        if (filter == null) {
            coefficients = new float[0];
            tapsPerPhase = 0;
            upFactor = 1;
            wholeStep = 1;
            fractionalStep = 0;
        } else {
            coefficients = filter.coefficients;
            tapsPerPhase = filter.tapsPerPhase;
            upFactor = filter.upFactor;
            wholeStep = filter.downFactor / filter.upFactor;
            fractionalStep = filter.downFactor % filter.upFactor;
        }
        history = new float[2 * tapsPerPhase];
        reset();
    }

    /** A resampler from {@code inRateHz} to {@code outRateHz}; the filter design is shared per rate pair. */
    public static Resampler create(int inRateHz, int outRateHz) {
        if (inRateHz <= 0 || outRateHz <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRateHz + " Hz → "
                    + outRateHz + " Hz");
        }
        PolyphaseFilter filter = inRateHz == outRateHz ? null : PolyphaseFilter.forRates(inRateHz, outRateHz);
        return new Resampler(inRateHz, outRateHz, filter);
    }

    /** A resampler to the phone line's {@link Telephony#SAMPLE_RATE_HZ}. */
    public static Resampler toTelephony(int inRateHz) {
        return create(inRateHz, Telephony.SAMPLE_RATE_HZ);
    }

    public int inRateHz() {
        return inRateHz;
    }

    public int outRateHz() {
        return outRateHz;
    }

    /** Filter length per output sample, in input samples (0 when passing through). */
    public int tapsPerPhase() {
        return tapsPerPhase;
    }

    /** How far output lags input, in input samples; {@link #flush} feeds this many zeros. */
    public int delayInputSamples() {
        return filter == null ? 0 : filter.delayInputSamples;
    }

    /** Room {@code out} must have for one {@link #process} call of {@code inLen} samples, whatever the state. */
    public int maxOutput(int inLen) {
        if (filter == null) {
            return inLen;
        }
        // Outputs fall every M/L inputs, so inLen inputs span at most ceil(inLen·L/M) of them.
        long up = (long) inLen * filter.upFactor;
        return (int) ((up + filter.downFactor - 1) / filter.downFactor);
    }

    /** Room {@code out} must have for {@link #flush}. */
    public int maxFlushOutput() {
        return maxOutput(delayInputSamples());
    }

    /**
     * Resamples {@code in[inOff, inOff + inLen)} into {@code out} from {@code outOff}, saturating to 16 bits.
     *
     * @return samples written; {@code out} needs room for {@link #maxOutput(int) maxOutput(inLen)}
     */
    public int process(short[] in, int inOff, int inLen, short[] out, int outOff) {
        Objects.checkFromIndexSize(inOff, inLen, in.length);
        Objects.checkFromIndexSize(outOff, maxOutput(inLen), out.length);
        if (filter == null) {
            System.arraycopy(in, inOff, out, outOff, inLen);
            return inLen;
        }
        int outPos = outOff;
        for (int i = 0; i < inLen; i++) {
            outPos = push(in[inOff + i], out, outPos);
        }
        return outPos - outOff;
    }

    /**
     * Ends the stream: feeds {@link #delayInputSamples()} of silence so the last input reaches the output,
     * then {@link #reset resets}, ready for the next utterance.
     *
     * @return samples written; {@code out} needs room for {@link #maxFlushOutput()}
     */
    public int flush(short[] out, int outOff) {
        Objects.checkFromIndexSize(outOff, maxFlushOutput(), out.length);
        int outPos = outOff;
        for (int i = delayInputSamples(); i > 0; i--) {
            outPos = push(0f, out, outPos);
        }
        reset();
        return outPos - outOff;
    }

    /** Forgets the history, as if freshly created: the next input is preceded by silence. */
    public void reset() {
        Arrays.fill(history, 0f);
        historyPos = 0;
        phase = 0;
        inputsUntilOutput = 1;
    }

    private int push(float sample, short[] out, int outPos) {
        history[historyPos] = sample;
        history[historyPos + tapsPerPhase] = sample;
        historyPos = historyPos + 1 == tapsPerPhase ? 0 : historyPos + 1;
        if (--inputsUntilOutput != 0) {
            return outPos;
        }
        int pos = outPos;
        do {
            out[pos++] = saturate(dot(phase * tapsPerPhase));
            phase += fractionalStep;
            inputsUntilOutput += wholeStep;
            if (phase >= upFactor) {
                phase -= upFactor;
                inputsUntilOutput++;
            }
        } while (inputsUntilOutput == 0);
        return pos;
    }

    /** Four running sums break the add-latency chain; the order is fixed, so results never depend on chunking. */
    private float dot(int coefficientOff) {
        final float[] c = coefficients;
        final float[] h = history;
        final int h0 = historyPos;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int j = 0; j < tapsPerPhase; j += 4) {
            s0 += c[coefficientOff + j] * h[h0 + j];
            s1 += c[coefficientOff + j + 1] * h[h0 + j + 1];
            s2 += c[coefficientOff + j + 2] * h[h0 + j + 2];
            s3 += c[coefficientOff + j + 3] * h[h0 + j + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static short saturate(float value) {
        int rounded = Math.round(value);
        if (rounded > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        if (rounded < Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        return (short) rounded;
    }
}
