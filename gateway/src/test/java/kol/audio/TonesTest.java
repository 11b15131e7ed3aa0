package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TonesTest {

    private static final int RATE_HZ = Telephony.SAMPLE_RATE_HZ;
    /** RMS of a full-scale sine: the 0 dBFS reference. */
    private static final double FULL_SCALE_RMS = Short.MAX_VALUE / Math.sqrt(2);

    @ParameterizedTest
    @CsvSource({"350, 0", "440, -3", "1000, -12", "2600, -20", "3400, -40"})
    void sineHasTheRequestedFrequencyAndLevel(double frequencyHz, double levelDbfs) {
        short[] tone = Tones.sine(frequencyHz, levelDbfs, 1000);

        assertThat(tone).hasSize(8000);
        assertThat(Signals.zeroCrossings(tone, 0, tone.length)).isBetween((int) (2 * frequencyHz) - 2,
                (int) (2 * frequencyHz) + 2);
        double levelMeasured = Signals.decibels(Signals.rms(tone, 0, tone.length) / FULL_SCALE_RMS);
        assertThat(levelMeasured).isCloseTo(levelDbfs, offset(0.05));
        double peak = Signals.goertzelAmplitude(tone, 0, tone.length, RATE_HZ, frequencyHz);
        double offPeak = Signals.goertzelAmplitude(tone, 0, tone.length, RATE_HZ, frequencyHz + 100);
        assertThat(Signals.decibels(peak / (Short.MAX_VALUE * Math.pow(10, levelDbfs / 20)))).isBetween(-0.05, 0.05);
        assertThat(offPeak).isLessThan(peak / 100);
    }

    @Test
    void muLawSineDecodesToTheSameToneWithinTheCodecsError() {
        byte[] muLaw = Tones.sineMuLaw(1000, -10, 500);
        short[] decoded = new short[muLaw.length];
        G711.decode(muLaw, 0, decoded, 0, muLaw.length);

        double levelMeasured = Signals.decibels(Signals.rms(decoded, 0, decoded.length) / FULL_SCALE_RMS);
        assertThat(levelMeasured).isBetween(-10.1, -9.9);
        assertThat(Signals.zeroCrossings(decoded, 0, decoded.length)).isBetween(999, 1001);
    }

    @Test
    void beepFadesInAndOutWithoutAClick() {
        short[] beep = Tones.beep(1000, -6, 100);

        assertThat(beep).hasSize(800);
        assertThat(beep[0]).isZero();
        assertThat(beep[beep.length - 1]).isZero();
        // A 1 kHz sine at 8 kHz moves at most amplitude·2·sin(π/8) between samples; the fade only lowers that.
        double maxStep = Short.MAX_VALUE * Math.pow(10, -6 / 20.0) * 2 * Math.sin(Math.PI / 8) + 1;
        for (int i = 1; i < beep.length; i++) {
            assertThat(Math.abs(beep[i] - beep[i - 1])).isLessThanOrEqualTo((int) maxStep);
        }
        double middle = Signals.decibels(Signals.rms(beep, 80, 720) / FULL_SCALE_RMS);
        assertThat(middle).isBetween(-6.05, -5.95);
    }

    @Test
    void sequencePlaysEachToneThenAGapOfSilence() {
        short[] sequence = Tones.sequence(-12, 100, 50, 500, 1000, 2000);

        assertThat(sequence).hasSize(3 * 800 + 2 * 400);
        double[] frequencies = {500, 1000, 2000};
        for (int i = 0; i < frequencies.length; i++) {
            int start = i * 1200;
            double atTone = Signals.goertzelAmplitude(sequence, start + 40, start + 760, RATE_HZ, frequencies[i]);
            assertThat(Signals.decibels(atTone / (Short.MAX_VALUE * Math.pow(10, -12 / 20.0)))).isBetween(-0.5, 0.1);
            for (double other : frequencies) {
                if (other != frequencies[i]) {
                    assertThat(Signals.goertzelAmplitude(sequence, start + 40, start + 760, RATE_HZ, other))
                            .isLessThan(atTone / 100);
                }
            }
            if (i < frequencies.length - 1) {
                assertThat(Signals.rms(sequence, start + 800, start + 1200)).isZero();
            }
        }
    }

    @Test
    void greetingIsAShortRisingArpeggio() {
        short[] greeting = Tones.greeting();
        assertThat(greeting).hasSize(3 * 960 + 2 * 320);
        assertThat(Signals.zeroCrossings(greeting, 0, 960)).isLessThan(Signals.zeroCrossings(greeting, 2560, 3520));
    }

    @Test
    void silenceIsZeroInPcmAndPositiveZeroInMuLaw() {
        assertThat(Tones.silence(20)).hasSize(160).containsOnly((short) 0);
        assertThat(Tones.silenceMuLaw(20)).hasSize(160).containsOnly(G711.SILENCE);
    }

    @Test
    void writesIntoACallersBufferAtAnyRate() {
        short[] buffer = new short[24000 + 10];
        Tones.sine(buffer, 10, 24000, 24000, 6000, -3);
        assertThat(buffer[9]).isZero();
        assertThat(Signals.zeroCrossings(buffer, 10, buffer.length)).isBetween(11999, 12001);
    }

    @Test
    void rejectsLevelsAboveFullScaleAndFrequenciesPastNyquist() {
        assertThatThrownBy(() -> Tones.sine(1000, 0.5, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 dBFS");
        assertThatThrownBy(() -> Tones.sine(4000, -6, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nyquist");
        assertThatThrownBy(() -> Tones.sine(1000, Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
