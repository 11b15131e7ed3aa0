package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import kol.audio.Telephony;
import kol.audio.Tones;
import org.junit.jupiter.api.Test;

class FrameSpectrumTest {

    private static final int FROM = FrameSpectrum.bin(300);
    private static final int TO = FrameSpectrum.bin(3400) + 1;
    private static final double FULL_SCALE_MEAN_SQUARE = 32767.0 * 32767.0 / 2;

    private final FrameSpectrum spectrum = new FrameSpectrum();

    @Test
    void aSinesBandLevelReadsItsLevelInDbfs() {
        spectrum.analyse(Tones.sine(1000, -20, 20), 0);

        double levelDb = 10 * Math.log10(spectrum.bandPower(FROM, TO) / FULL_SCALE_MEAN_SQUARE);

        assertThat(levelDb).isCloseTo(-20, within(0.3));
    }

    @Test
    void everyBinMatchesADirectDftOfTheWindowedFrame() {
        java.util.Random random = new java.util.Random(3);
        short[] pcm = new short[Telephony.FRAME_SAMPLES];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (random.nextGaussian() * 3000);
        }
        spectrum.analyse(pcm, 0);

        double[] direct = new double[FrameSpectrum.BINS];
        double total = 0;
        for (int k = 0; k < FrameSpectrum.BINS; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < pcm.length; n++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / pcm.length);
                double angle = -2 * Math.PI * k * n / FrameSpectrum.FFT_SIZE;
                re += pcm[n] * w * Math.cos(angle);
                im += pcm[n] * w * Math.sin(angle);
            }
            direct[k] = re * re + im * im;
            total += direct[k];
        }
        double fastTotal = spectrum.bandPower(0, FrameSpectrum.BINS);
        for (int k = 0; k < FrameSpectrum.BINS; k++) {
            assertThat(spectrum.bandPower(k, k + 1) / fastTotal).as("bin %d", k)
                    .isCloseTo(direct[k] / total, within(1e-12));
        }
    }

    @Test
    void aToneOutsideTheVoiceBandBarelyCountsInIt() {
        spectrum.analyse(Tones.sine(100, -20, 20), 0);

        double levelDb = 10 * Math.log10(spectrum.bandPower(FROM, TO) / FULL_SCALE_MEAN_SQUARE);

        assertThat(levelDb).isLessThan(-50);
    }

    @Test
    void harmonicsArePeriodicAndNoiseIsNot() {
        short[] voiced = harmonicTone(160, 2);
        spectrum.analyse(voiced, 0);
        assertThat(spectrum.periodicity(FROM, TO, 20, FrameSpectrum.MAX_LAG)).isGreaterThan(0.9);

        int frames = 100;
        short[] noise = LineSignals.telephone(LineSignals.white(frames * Telephony.FRAME_SAMPLES, -30, 7));
        double sum = 0;
        for (int f = 0; f < frames; f++) {
            spectrum.analyse(noise, f * Telephony.FRAME_SAMPLES);
            sum += spectrum.periodicity(FROM, TO, 20, FrameSpectrum.MAX_LAG);
        }
        assertThat(sum / frames).isLessThan(0.5);
    }

    @Test
    void digitalSilenceHasNoPeriodAndFiniteLogPowers() {
        spectrum.analyse(new short[Telephony.FRAME_SAMPLES], 0);
        double[] logs = new double[TO - FROM];
        spectrum.logPowers(FROM, TO, 1e-3, logs);

        assertThat(spectrum.periodicity(FROM, TO, 20, FrameSpectrum.MAX_LAG)).isZero();
        assertThat(Arrays.stream(logs).allMatch(Double::isFinite)).isTrue();
    }

    /** Eight harmonics of {@code f0Hz} at 8 kHz, one frame, starting at sample {@code 0}. */
    private static short[] harmonicTone(double f0Hz, int seed) {
        short[] pcm = new short[Telephony.FRAME_SAMPLES];
        for (int i = 0; i < pcm.length; i++) {
            double v = 0;
            for (int h = 1; h <= 8; h++) {
                v += Math.sin(2 * Math.PI * f0Hz * h * i / Telephony.SAMPLE_RATE_HZ + seed * h) / h;
            }
            pcm[i] = (short) Math.round(3000 * v);
        }
        return pcm;
    }
}
