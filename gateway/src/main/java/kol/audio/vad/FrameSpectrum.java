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

    private static final int LOG2_SIZE = 8;
    private static final double[] COS = new double[FFT_SIZE / 2];
    private static final double[] SIN = new double[FFT_SIZE / 2];
    private static final int[] BIT_REVERSED = new int[FFT_SIZE];
    private static final double[] WINDOW = new double[Telephony.FRAME_SAMPLES];
    /** One-sided power scale: 2 / (N · Σw²). */
    private static final double POWER_SCALE;
    /** Longest lag whose autocorrelation the zero padding keeps free of wrap-around: 256 − 160. */
    static final int MAX_LAG = FFT_SIZE - Telephony.FRAME_SAMPLES;
    /** The window's own normalised autocorrelation, divided out of the signal's (Boersma 1993). */
    private static final double[] WINDOW_AUTOCORRELATION = new double[MAX_LAG + 1];

    static {
        for (int k = 0; k < FFT_SIZE / 2; k++) {
            COS[k] = Math.cos(2 * Math.PI * k / FFT_SIZE);
            SIN[k] = -Math.sin(2 * Math.PI * k / FFT_SIZE);
        }
        for (int i = 0; i < FFT_SIZE; i++) {
            BIT_REVERSED[i] = Integer.reverse(i) >>> (Integer.SIZE - LOG2_SIZE);
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

    private final double[] re = new double[FFT_SIZE];
    private final double[] im = new double[FFT_SIZE];
    private final double[] power = new double[BINS];

    /** Replaces the spectrum with that of {@code pcm8k[off, off + 160)}. */
    void analyse(short[] pcm8k, int off) {
        for (int i = 0; i < FFT_SIZE; i++) {
            int from = BIT_REVERSED[i];
            re[i] = from < WINDOW.length ? pcm8k[off + from] * WINDOW[from] : 0;
            im[i] = 0;
        }
        fft();
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
     * period late in the range is not penalised for the window's taper. Overwrites the FFT work arrays.
     */
    double periodicity(int fromBin, int toBin, int minLag, int maxLag) {
        for (int i = 0; i < FFT_SIZE; i++) {
            int k = BIT_REVERSED[i];
            int mirrored = k <= FFT_SIZE / 2 ? k : FFT_SIZE - k;
            re[i] = mirrored >= fromBin && mirrored < toBin ? power[mirrored] : 0;
            im[i] = 0;
        }
        fft();
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

    /** In-place iterative radix-2 FFT; the input was loaded in bit-reversed order. */
    private void fft() {
        for (int size = 2; size <= FFT_SIZE; size <<= 1) {
            int half = size >> 1;
            int step = FFT_SIZE / size;
            for (int start = 0; start < FFT_SIZE; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = COS[j * step];
                    double wi = SIN[j * step];
                    int a = start + j;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
