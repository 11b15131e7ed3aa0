package kol.audio.vad;

import kol.audio.Telephony;

/**
 * Power spectrum of one 20 ms frame: Hann window over the 160 samples, zero-padded to a 256-point FFT, so
 * bins are 31.25 Hz apart. Powers are scaled so that summing a band gives the mean square of the signal's
 * content in that band (Parseval, with the window's energy divided out): a band's dB and the frame's RMS
 * dB are on one scale.
 *
 * <p>All arrays are allocated once; {@link #analyse} allocates nothing. One owner thread.
 */
final class FrameSpectrum {

    static final int FFT_SIZE = 256;
    static final double BIN_HZ = (double) Telephony.SAMPLE_RATE_HZ / FFT_SIZE;
    static final int BINS = FFT_SIZE / 2 + 1;

    /** The real transform of 256 points is one complex transform of 128 (even samples real, odd imaginary). */
    private static final int HALF = FFT_SIZE / 2;
    private static final int LOG2_HALF = 7;
    /** cos and −sin of 2πk/256 for k in [0, 128]: the half-size transform's twiddles are every other one. */
    private static final double[] COS = new double[HALF + 1];
    private static final double[] SIN = new double[HALF + 1];
    private static final int[] BIT_REVERSED = new int[HALF];
    private static final double[] WINDOW = new double[Telephony.FRAME_SAMPLES];
    /** One-sided power scale: 2 / (N · Σw²). */
    private static final double POWER_SCALE;
    /** Longest lag whose autocorrelation the zero padding keeps free of wrap-around: 256 − 160. */
    static final int MAX_LAG = FFT_SIZE - Telephony.FRAME_SAMPLES;
    /** The window's own normalised autocorrelation, divided out of the signal's (Boersma 1993). */
    private static final double[] WINDOW_AUTOCORRELATION = new double[MAX_LAG + 1];

    static {
        for (int k = 0; k <= HALF; k++) {
            COS[k] = Math.cos(2 * Math.PI * k / FFT_SIZE);
            SIN[k] = -Math.sin(2 * Math.PI * k / FFT_SIZE);
        }
        for (int i = 0; i < HALF; i++) {
            BIT_REVERSED[i] = Integer.reverse(i) >>> (Integer.SIZE - LOG2_HALF);
        }
        double windowEnergy = 0;
        for (int i = 0; i < WINDOW.length; i++) {
            WINDOW[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / WINDOW.length);
            windowEnergy += WINDOW[i] * WINDOW[i];
        }
        POWER_SCALE = 2.0 / (FFT_SIZE * windowEnergy);
        for (int lag = 0; lag <= MAX_LAG; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < WINDOW.length; i++) {
                sum += WINDOW[i] * WINDOW[i + lag];
            }
            WINDOW_AUTOCORRELATION[lag] = sum / windowEnergy;
        }
    }

    /** The windowed frame, zero-padded to {@link #FFT_SIZE}: only [0, 160) is ever written. */
    private final double[] frame = new double[FFT_SIZE];
    /** The band's power spectrum mirrored to {@link #FFT_SIZE} points, the input of {@link #periodicity}. */
    private final double[] bandSpectrum = new double[FFT_SIZE];
    /** Work arrays of the half-size complex transform. */
    private final double[] zr = new double[HALF];
    private final double[] zi = new double[HALF];
    /** Bins 0..128 of the last transform. */
    private final double[] re = new double[BINS];
    private final double[] im = new double[BINS];
    private final double[] power = new double[BINS];

    /** Replaces the spectrum with that of {@code pcm8k[off, off + 160)}. */
    void analyse(short[] pcm8k, int off) {
        for (int i = 0; i < WINDOW.length; i++) {
            frame[i] = pcm8k[off + i] * WINDOW[i];
        }
        realFft(frame);
        for (int k = 0; k < BINS; k++) {
            power[k] = (re[k] * re[k] + im[k] * im[k]) * POWER_SCALE;
        }
    }

    /** Mean square of the frame's content in bins {@code [fromBin, toBin)}. */
    double bandPower(int fromBin, int toBin) {
        double sum = 0;
        for (int k = fromBin; k < toBin; k++) {
            sum += power[k];
        }
        return sum;
    }

    /**
     * Natural logs of the powers of bins {@code [fromBin, toBin)} into {@code dst[0..]}, each power raised by
     * {@code floorPower} first so the empty bins of digital silence stay finite.
     */
    void logPowers(int fromBin, int toBin, double floorPower, double[] dst) {
        for (int k = fromBin; k < toBin; k++) {
            dst[k - fromBin] = Math.log(power[k] + floorPower);
        }
    }

    /**
     * Voicing: the highest normalised autocorrelation of the frame's band {@code [fromBin, toBin)} over lags
     * {@code [minLag, maxLag]}, near 1 for a periodic (voiced) sound and near 0 for noise. The autocorrelation
     * is the transform of the band's power spectrum; the window's own autocorrelation is divided out so a
     * period late in the range is not penalised for the window's taper. Overwrites the transform's output, not the
     * power spectrum.
     */
    double periodicity(int fromBin, int toBin, int minLag, int maxLag) {
        for (int k = 0; k < FFT_SIZE; k++) {
            int mirrored = k <= HALF ? k : FFT_SIZE - k;
            bandSpectrum[k] = mirrored >= fromBin && mirrored < toBin ? power[mirrored] : 0;
        }
        realFft(bandSpectrum);
        double zeroLag = re[0];
        if (zeroLag <= 0) {
            return 0;
        }
        double best = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            best = Math.max(best, re[lag] / zeroLag / WINDOW_AUTOCORRELATION[lag]);
        }
        return Math.min(best, 1);
    }

    static int bin(double frequencyHz) {
        return (int) Math.round(frequencyHz / BIN_HZ);
    }

    /**
     * Bins 0..128 of the 256-point DFT of the real sequence {@code x} into {@link #re} and {@link #im}: one
     * 128-point complex FFT of z[m] = x[2m] + i·x[2m+1], then X[k] = E[k] + W^k·O[k] with
     * E[k] = (Z[k] + conj Z[128−k]) / 2 and O[k] = (Z[k] − conj Z[128−k]) / 2i, half the work of a
     * complex transform of 256 points.
     */
    private void realFft(double[] x) {
        for (int m = 0; m < HALF; m++) {
            int from = BIT_REVERSED[m];
            zr[m] = x[2 * from];
            zi[m] = x[2 * from + 1];
        }
        halfFft();
        for (int k = 0; k <= HALF; k++) {
            int a = k & (HALF - 1);
            int b = (HALF - k) & (HALF - 1);
            double evenRe = 0.5 * (zr[a] + zr[b]);
            double evenIm = 0.5 * (zi[a] - zi[b]);
            double oddRe = 0.5 * (zi[a] + zi[b]);
            double oddIm = -0.5 * (zr[a] - zr[b]);
            re[k] = evenRe + COS[k] * oddRe - SIN[k] * oddIm;
            im[k] = evenIm + COS[k] * oddIm + SIN[k] * oddRe;
        }
    }

    /** In-place iterative radix-2 FFT of 128 points; the input was loaded in bit-reversed order. */
    private void halfFft() {
        for (int size = 2; size <= HALF; size <<= 1) {
            int half = size >> 1;
            int step = FFT_SIZE / size; // twiddles of size points are every step-th of the 256-point table
            for (int start = 0; start < HALF; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = COS[j * step];
                    double wi = SIN[j * step];
                    int a = start + j;
                    int b = a + half;
                    double tr = zr[b] * wr - zi[b] * wi;
                    double ti = zr[b] * wi + zi[b] * wr;
                    zr[b] = zr[a] - tr;
                    zi[b] = zi[a] - ti;
                    zr[a] += tr;
                    zi[a] += ti;
                }
            }
        }
    }
}
