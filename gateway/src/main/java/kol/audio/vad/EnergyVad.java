package kol.audio.vad;

import java.util.Arrays;
import kol.audio.Telephony;

/**
 * The zero-dependency default VAD: the frame's level in the telephone voice band (300–3400 Hz) against an
 * adaptive {@link NoiseFloor}, with three spectral cues, each measured on the labelled corpus in
 * {@code docs/vad.md}:
 * <ul>
 *   <li><b>band level over the floor</b>: speech is {@value #SNR_DB} dB or more above the floor (a frame of
 *       steady noise rarely strays 4 dB above its own minimum-statistics floor); the band leaves out mains
 *       hum's strong low harmonics and out-of-band hiss;</li>
 *   <li><b>spectral flatness</b>: noise-like frames (white noise ≈ 0.56, pink ≈ 0.45, voiced speech ≈ 0.05)
 *       must clear a higher bar, {@value #FLATNESS_PENALTY_DB} dB more per unit of flatness above
 *       {@value #VOICED_FLATNESS};</li>
 *   <li><b>voicing</b>: the band's normalised autocorrelation at pitch lags (83–400 Hz), or a tonal
 *       spectrum (flatness up to {@value #TONAL_FLATNESS}). A frame with neither (a fricative, a door slam,
 *       noise that has just come on) can carry a speech run on but never start one: its probability is
 *       capped at {@value #UNVOICED_CAP}, between the segmenter's two thresholds;</li>
 *   <li><b>spectral steadiness</b> ({@link SpectralSteadiness}): a spectrum that keeps its shape for 100 ms
 *       and more is held notes, not speech, so music on hold is not speech.</li>
 * </ul>
 * The probability is not calibrated: it is a ramp of the margin over the bar, 0.5 exactly at the bar, so
 * it works with the same thresholds as Silero's.
 *
 * <p>One instance per call, one owner thread. {@link #speechProbability} allocates nothing; it costs a
 * 256-point FFT, a hundred logarithms and, on noise-like frames that clear the bar, a second FFT: a few
 * microseconds. A frame of digital silence costs one pass over its samples (its spectrum is known: all zeros).
 */
public final class EnergyVad implements VoiceActivityDetector {

    /** Speech must be this far above the noise floor in the voice band (for a voiced, non-flat frame). */
    static final float SNR_DB = 5f;
    /** Extra dB needed per unit of flatness above {@link #VOICED_FLATNESS}: white noise needs 3 dB more. */
    static final float FLATNESS_PENALTY_DB = 10f;
    /** Flatness up to which a frame is as tonal as voiced speech and needs no extra margin. */
    static final float VOICED_FLATNESS = 0.25f;
    /** The margin over the bar that takes the probability from 0.5 to 1 (and down to 0). */
    static final float RAMP_DB = 6f;
    /**
     * Below this band level nothing is speech, however quiet the line: even a soft talker on a phone is
     * 20 dB above it, and on a digitally silent line the floor would otherwise make any faint artefact speech.
     */
    static final float MIN_LEVEL_DBFS = -60f;
    /**
     * Voicing below this is no period: white and pink noise measure 0.35–0.45 (nine frames in ten under
     * 0.66), voiced speech 0.9–1.0.
     */
    static final float MIN_VOICING = 0.7f;
    /**
     * A frame this tonal counts as voiced whatever {@link #MIN_VOICING} says: the autocorrelation misses some
     * voiced frames (it reaches lags of 96 samples, 83 Hz, and pitch glides blur it; espeak's low male voice
     * showed flatness 0.03–0.1 with voicing under 0.5). Line noise and bursts measure 0.35 and up.
     */
    static final float TONAL_FLATNESS = 0.2f;
    /** Unvoiced frames stay under the start threshold (0.5) but over the continue threshold (0.35). */
    static final float UNVOICED_CAP = 0.45f;
    /** Steadiness above this is held notes (see {@link SpectralSteadiness}). */
    static final float MAX_STEADINESS = 0.6f;

    static final int BAND_FROM_BIN = FrameSpectrum.bin(300);
    static final int BAND_TO_BIN = FrameSpectrum.bin(3400) + 1;
    private static final int BAND_BINS = BAND_TO_BIN - BAND_FROM_BIN;
    /** Pitch lags: 8000 / 20 = 400 Hz down to 8000 / 96 ≈ 83 Hz, the longest lag free of FFT wrap-around. */
    private static final int MIN_PITCH_LAG = 20;
    private static final int MAX_PITCH_LAG = FrameSpectrum.MAX_LAG;
    /** A full-scale sine's mean square: levels are dBFS with such a sine at 0 dB (AES17), as in Tones. */
    private static final double FULL_SCALE_MEAN_SQUARE = (double) Short.MAX_VALUE * Short.MAX_VALUE / 2;
    /** Added to each bin's power before the log: far below one LSB², it only keeps digital silence finite. */
    private static final double BIN_POWER_FLOOR = 1e-3;
    /** Minimum statistics over 5 blocks of 10 frames: a floor that follows louder noise within 1 s. */
    private static final int FLOOR_BLOCKS = 5;
    private static final int FLOOR_BLOCK_FRAMES = 10;
    /** About the level of a μ-law line's idle noise; the floor does not follow digital silence lower. */
    private static final float LOWEST_FLOOR_DBFS = -80f;

    /** What {@link #speechProbability} computes for a frame of zeros, whose spectrum is all zeros. */
    private static final float SILENT_LEVEL_DBFS = levelDbfs(0);
    private static final double SILENT_LOG_POWER = Math.log(0.0 + BIN_POWER_FLOOR);

    private final FrameSpectrum spectrum = new FrameSpectrum();
    private final NoiseFloor floor = new NoiseFloor(FLOOR_BLOCKS, FLOOR_BLOCK_FRAMES, LOWEST_FLOOR_DBFS);
    private final SpectralSteadiness steadiness = new SpectralSteadiness(BAND_BINS);
    private final boolean silenceShortcut;
    /** The last frame's level, floor, flatness and steadiness, for tests. */
    private final float[] lastCues = new float[4];

    public EnergyVad() {
        this(true);
    }

    /**
     * @param silenceShortcut take a frame of digital silence's spectrum as known (all zeros) instead of computing
     *     it: the same result, without the transform and the logarithms. Off only to test that it is the same.
     */
    EnergyVad(boolean silenceShortcut) {
        this.silenceShortcut = silenceShortcut;
    }

    @Override
    public float speechProbability(short[] pcm8k, int off) {
        double[] logPowers = steadiness.nextLogPowers();
        double bandPower;
        float levelDbfs;
        // DESIGN: a muted caller, or a gateway filling a gap, sends digital silence (μ-law 0xFF), at times for long
        // stretches; the transform and the hundred logarithms are most of this method's cost, and add nothing then.
        if (silenceShortcut && isDigitalSilence(pcm8k, off)) {
            bandPower = 0;
            levelDbfs = SILENT_LEVEL_DBFS;
            Arrays.fill(logPowers, SILENT_LOG_POWER);
        } else {
            spectrum.analyse(pcm8k, off);
            bandPower = spectrum.bandPower(BAND_FROM_BIN, BAND_TO_BIN);
            levelDbfs = levelDbfs(bandPower);
            spectrum.logPowers(BAND_FROM_BIN, BAND_TO_BIN, BIN_POWER_FLOOR, logPowers);
        }
        float floorDbfs = floor.update(levelDbfs);

        double meanLog = 0;
        for (double v : logPowers) {
            meanLog += v;
        }
        meanLog /= BAND_BINS;
        float flatness = (float) (Math.exp(meanLog) / (bandPower / BAND_BINS + BIN_POWER_FLOOR));
        float steadinessNow = steadiness.update();
        lastCues[0] = levelDbfs;
        lastCues[1] = floorDbfs;
        lastCues[2] = flatness;
        lastCues[3] = steadinessNow;

        if (levelDbfs < MIN_LEVEL_DBFS || steadinessNow > MAX_STEADINESS) {
            return 0f;
        }
        float barDb = SNR_DB + FLATNESS_PENALTY_DB * Math.max(0f, flatness - VOICED_FLATNESS);
        float p = 0.5f + (levelDbfs - floorDbfs - barDb) / (2 * RAMP_DB);
        // Voicing costs a second FFT, so it is measured only where it decides: a noise-like frame over the cap.
        if (p > UNVOICED_CAP && flatness > TONAL_FLATNESS
                && spectrum.periodicity(BAND_FROM_BIN, BAND_TO_BIN, MIN_PITCH_LAG, MAX_PITCH_LAG) < MIN_VOICING) {
            p = UNVOICED_CAP;
        }
        return Math.max(0f, Math.min(1f, p));
    }

    /** The last frame's band level, noise floor (both dBFS), flatness and steadiness. */
    float[] lastCues() {
        return lastCues.clone();
    }

    private static float levelDbfs(double bandPower) {
        return (float) (10 * Math.log10(bandPower / FULL_SCALE_MEAN_SQUARE + 1e-12));
    }

    private static boolean isDigitalSilence(short[] pcm8k, int off) {
        int any = 0;
        for (int i = off; i < off + Telephony.FRAME_SAMPLES; i++) {
            any |= pcm8k[i];
        }
        return any == 0;
    }

    @Override
    public void reset() {
        floor.reset();
        steadiness.reset();
    }

    @Override
    public String name() {
        return "energy";
    }
}
