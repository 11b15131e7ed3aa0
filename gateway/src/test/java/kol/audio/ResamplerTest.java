package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

    private static final int OUT_RATE_HZ = Telephony.SAMPLE_RATE_HZ;
    /** Skip this much output before measuring: the filter is at most a few ms long. */
    private static final int SETTLE_SAMPLES = 400;
    /** 6400 samples at 8 kHz is 0.8 s: a whole number of periods of 1, 2 and 4 kHz. */
    private static final int MEASURE_SAMPLES = 6400;

    @ParameterizedTest
    @ValueSource(ints = {8000, 16000, 22050, 24000, 44100, 48000})
    void keepsTheLevelOfAOneKilohertzToneWithinHalfADecibel(int inRateHz) {
        short[] tone = Signals.sine(inRateHz, 1000, 16000, inRateHz);
        short[] out = resampleAll(Resampler.create(inRateHz, OUT_RATE_HZ), tone);

        double inRms = Signals.rms(tone, 0, tone.length);
        double outRms = Signals.rms(out, SETTLE_SAMPLES, SETTLE_SAMPLES + MEASURE_SAMPLES);
        assertThat(Math.abs(Signals.decibels(outRms / inRms))).isLessThan(0.5);
        assertThat(Math.abs(Signals.decibels(outRms / inRms))).isLessThan(0.02);
        // Still 1 kHz: two sign changes per millisecond.
        assertThat(Signals.zeroCrossings(out, SETTLE_SAMPLES, SETTLE_SAMPLES + MEASURE_SAMPLES))
                .isBetween(1599, 1601);
    }

    @Test
    void attenuatesASixKilohertzToneAt24kHzByAtLeast40Decibels() {
        short[] tone = Signals.sine(24000, 6000, 16000, 24000);
        short[] out = resampleAll(Resampler.create(24000, OUT_RATE_HZ), tone);

        double attenuationDb = -Signals.decibels(Signals.rms(out, SETTLE_SAMPLES, SETTLE_SAMPLES + MEASURE_SAMPLES)
                / Signals.rms(tone, 0, tone.length));
        assertThat(attenuationDb).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
    void attenuatesEverythingAboveTheStopBandEdgeByAtLeast55Decibels(int inRateHz) {
        Resampler resampler = Resampler.create(inRateHz, OUT_RATE_HZ);
        for (int frequencyHz = 4200; frequencyHz < inRateHz / 2; frequencyHz += 700) {
            resampler.reset();
            short[] tone = Signals.sine(inRateHz, frequencyHz, 30000, inRateHz);
            short[] out = resampleAll(resampler, tone);
            double outRms = Signals.rms(out, SETTLE_SAMPLES, SETTLE_SAMPLES + MEASURE_SAMPLES);
            double attenuationDb = -Signals.decibels(outRms / Signals.rms(tone, 0, tone.length));
            assertThat(attenuationDb).as("%d Hz tone at %d Hz", frequencyHz, inRateHz).isGreaterThanOrEqualTo(55);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
    void passesTheTelephoneBandFlat(int inRateHz) {
        for (int frequencyHz = 300; frequencyHz <= 3300; frequencyHz += 300) {
            short[] tone = Signals.sine(inRateHz, frequencyHz, 16000, inRateHz);
            short[] out = resampleAll(Resampler.create(inRateHz, OUT_RATE_HZ), tone);
            double gainDb = Signals.decibels(Signals.goertzelAmplitude(out, SETTLE_SAMPLES,
                    SETTLE_SAMPLES + MEASURE_SAMPLES, OUT_RATE_HZ, frequencyHz) / 16000);
            assertThat(Math.abs(gainDb)).as("%d Hz tone at %d Hz", frequencyHz, inRateHz).isLessThan(0.1);
        }
    }

    @Test
    void producesTheRightNumberOfSamplesForTheNonIntegerRatioOf22050() {
        Resampler resampler = Resampler.create(22050, OUT_RATE_HZ);
        short[] in = new short[22050 * 3];
        short[] out = new short[resampler.maxOutput(in.length)];

        int written = resampler.process(in, 0, in.length, out, 0);

        assertThat(written).isEqualTo(24000);
        // 20 ms of 22.05 kHz is 441 samples, exactly 160 out: the TTS chunk a call typically feeds.
        assertThat(resampler.maxOutput(441)).isEqualTo(160);
    }

    @Property(tries = 60)
    void givesTheSameSamplesWhateverTheChunking(@ForAll("inRates") int inRateHz,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 1200) Integer> chunkSizes,
            @ForAll long seed) {
        short[] signal = noisyTone(inRateHz, seed, 9000);
        short[] whole = resampleAll(Resampler.create(inRateHz, OUT_RATE_HZ), signal);

        Resampler chunked = Resampler.create(inRateHz, OUT_RATE_HZ);
        short[] out = new short[whole.length];
        int inPos = 0;
        int outPos = 0;
        for (int chunk = 0; inPos < signal.length; chunk++) {
            int size = Math.min(chunkSizes.get(chunk % chunkSizes.size()), signal.length - inPos);
            short[] room = new short[chunked.maxOutput(size)];
            int written = chunked.process(signal, inPos, size, room, 0);
            System.arraycopy(room, 0, out, outPos, written);
            inPos += size;
            outPos += written;
        }
        short[] tail = new short[chunked.maxFlushOutput()];
        int flushed = chunked.flush(tail, 0);
        System.arraycopy(tail, 0, out, outPos, flushed);

        assertThat(outPos + flushed).isEqualTo(whole.length);
        assertThat(out).isEqualTo(whole);
    }

    @Property(tries = 200)
    void maxOutputBoundsEveryCall(@ForAll("inRates") int inRateHz,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 700) Integer> chunkSizes) {
        Resampler resampler = Resampler.create(inRateHz, OUT_RATE_HZ);
        short[] in = new short[700];
        for (int size : chunkSizes) {
            short[] out = new short[resampler.maxOutput(size)];
            assertThat(resampler.process(in, 0, size, out, 0)).isLessThanOrEqualTo(out.length);
        }
    }

    @Provide
    Arbitrary<Integer> inRates() {
        return Arbitraries.of(8000, 16000, 22050, 24000, 44100, 48000);
    }

    @Test
    void saturatesOvershootInsteadOfWrappingAround() {
        // A full-scale square wave overshoots after each edge (Gibbs); wrapping would flip those samples' sign.
        int inRateHz = 24000;
        short[] square = new short[inRateHz];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] out = resampleAll(Resampler.create(inRateHz, OUT_RATE_HZ), square);

        int from = SETTLE_SAMPLES;
        int to = SETTLE_SAMPLES + MEASURE_SAMPLES;
        assertThat(Signals.zeroCrossings(out, from, to)).isBetween(799, 801);
        short max = Short.MIN_VALUE;
        short min = Short.MAX_VALUE;
        for (int i = from; i < to; i++) {
            max = (short) Math.max(max, out[i]);
            min = (short) Math.min(min, out[i]);
        }
        assertThat(max).isEqualTo(Short.MAX_VALUE);
        assertThat(min).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void keepsAConstantLevelExactly() {
        short[] dc = new short[22050];
        Arrays.fill(dc, (short) 12345);
        short[] out = resampleAll(Resampler.create(22050, OUT_RATE_HZ), dc);
        for (int i = SETTLE_SAMPLES; i < 7000; i++) {
            assertThat(out[i]).isBetween((short) 12344, (short) 12346);
        }
    }

    @Test
    void passesEightKilohertzThroughUnchanged() {
        Resampler resampler = Resampler.create(8000, 8000);
        short[] in = noisyTone(8000, 7, 500);
        short[] out = new short[600];

        assertThat(resampler.process(in, 100, 400, out, 10)).isEqualTo(400);
        assertThat(Arrays.copyOfRange(out, 10, 410)).isEqualTo(Arrays.copyOfRange(in, 100, 500));
        assertThat(resampler.tapsPerPhase()).isZero();
        assertThat(resampler.maxFlushOutput()).isZero();
        assertThat(resampler.flush(out, 0)).isZero();
    }

    @Test
    void flushBringsOutTheLastInputAndStartsAFreshStream() {
        Resampler resampler = Resampler.create(48000, OUT_RATE_HZ);
        short[] click = new short[480];
        click[479] = 20000;
        short[] out = new short[resampler.maxOutput(click.length)];
        int written = resampler.process(click, 0, click.length, out, 0);
        assertThat(Signals.rms(out, 0, written)).isLessThan(1.0);

        short[] tail = new short[resampler.maxFlushOutput()];
        int flushed = resampler.flush(tail, 0);
        assertThat(Signals.rms(tail, 0, flushed)).isGreaterThan(100.0);

        short[] again = new short[resampler.maxOutput(click.length)];
        resampler.process(click, 0, click.length, again, 0);
        assertThat(again).isEqualTo(out);
    }

    @Test
    void sharesOneFilterDesignPerRatePair() {
        assertThat(PolyphaseFilter.forRates(24000, 8000)).isSameAs(PolyphaseFilter.forRates(24000, 8000));
        assertThat(PolyphaseFilter.forRates(22050, 8000).upFactor).isEqualTo(160);
        assertThat(PolyphaseFilter.forRates(22050, 8000).downFactor).isEqualTo(441);
    }

    @Test
    void convertsUpwardsToo() {
        short[] tone = Signals.sine(8000, 1000, 16000, 8000);
        Resampler resampler = Resampler.create(8000, 16000);
        short[] out = new short[resampler.maxOutput(tone.length)];
        assertThat(resampler.process(tone, 0, tone.length, out, 0)).isEqualTo(16000);
        double gainDb = Signals.decibels(Signals.goertzelAmplitude(out, 800, 800 + 12800, 16000, 1000) / 16000);
        assertThat(Math.abs(gainDb)).isLessThan(0.1);
    }

    @Test
    void rejectsRatesItCannotServe() {
        assertThatThrownBy(() -> Resampler.create(0, 8000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resampler.create(44099, 8000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("44099 Hz to 8000 Hz");
    }

    @Test
    void rejectsAnOutputArrayWithoutRoomForTheWorstCase() {
        Resampler resampler = Resampler.create(24000, OUT_RATE_HZ);
        assertThatThrownBy(() -> resampler.process(new short[480], 0, 480, new short[159], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The whole signal through one call and a flush: the reference the chunked runs must match. */
    private static short[] resampleAll(Resampler resampler, short[] in) {
        short[] out = new short[resampler.maxOutput(in.length) + resampler.maxFlushOutput()];
        int written = resampler.process(in, 0, in.length, out, 0);
        written += resampler.flush(out, written);
        return Arrays.copyOf(out, written);
    }

    private static short[] noisyTone(int sampleRateHz, long seed, int samples) {
        Random random = new Random(seed);
        short[] tone = Signals.sine(sampleRateHz, 440 + random.nextInt(3000), 12000, samples);
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) (tone[i] + random.nextInt(8001) - 4000);
        }
        return tone;
    }
}
