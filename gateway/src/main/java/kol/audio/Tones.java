package kol.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Tones for the line: sines, beeps with soft edges, beep sequences and silence, as 8 kHz PCM16 or μ-law.
 *
 * <p>Levels are in dBFS with a full-scale sine as 0 dBFS (AES17): the peak is {@code 32767·10^(dBFS/20)}
 * and the RMS 3 dB below it. These build prompts once, at start-up, so they return fresh arrays; the
 * range form {@link #sine(short[], int, int, int, double, double)} writes into a caller's buffer.
 */
public final class Tones {

    /** Fade in and out of each beep: long enough to avoid an audible click, short enough to keep the attack. */
    public static final int RAMP_MS = 5;

    private static final double FULL_SCALE = Short.MAX_VALUE;

    private Tones() {
    }

    /** Writes {@code n} samples of a sine starting at phase 0 into {@code dst[dstOff..]}. */
    public static void sine(short[] dst, int dstOff, int n, int sampleRateHz, double frequencyHz,
            double levelDbfs) {
        Objects.checkFromIndexSize(dstOff, n, dst.length);
        double amplitude = amplitude(levelDbfs);
        checkFrequency(frequencyHz, sampleRateHz);
        double radiansPerSample = 2 * Math.PI * frequencyHz / sampleRateHz;
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (short) Math.round(amplitude * Math.sin(radiansPerSample * i));
        }
    }

    /** A sine of {@code durationMs} at 8 kHz, starting at phase 0 and stopping abruptly. */
    public static short[] sine(double frequencyHz, double levelDbfs, int durationMs) {
        short[] pcm = new short[Telephony.samplesFor(durationMs)];
        sine(pcm, 0, pcm.length, Telephony.SAMPLE_RATE_HZ, frequencyHz, levelDbfs);
        return pcm;
    }

    /** {@link #sine(double, double, int)} μ-law encoded, ready for the line. */
    public static byte[] sineMuLaw(double frequencyHz, double levelDbfs, int durationMs) {
        return muLaw(sine(frequencyHz, levelDbfs, durationMs));
    }

    /** A sine with {@link #RAMP_MS} raised-cosine fades at both ends, at 8 kHz. */
    public static short[] beep(double frequencyHz, double levelDbfs, int durationMs) {
        short[] pcm = sine(frequencyHz, levelDbfs, durationMs);
        int rampSamples = Math.min(Telephony.samplesFor(RAMP_MS), pcm.length / 2);
        for (int i = 0; i < rampSamples; i++) {
            double gain = 0.5 * (1 - Math.cos(Math.PI * i / rampSamples));
            pcm[i] = (short) Math.round(pcm[i] * gain);
            int fromEnd = pcm.length - 1 - i;
            pcm[fromEnd] = (short) Math.round(pcm[fromEnd] * gain);
        }
        return pcm;
    }

    /** Beeps of {@code toneMs} at each frequency in turn, {@code gapMs} of silence between them, at 8 kHz. */
    public static short[] sequence(double levelDbfs, int toneMs, int gapMs, double... frequenciesHz) {
        if (frequenciesHz.length == 0) {
            return new short[0];
        }
        int toneSamples = Telephony.samplesFor(toneMs);
        int gapSamples = Telephony.samplesFor(gapMs);
        short[] pcm = new short[frequenciesHz.length * toneSamples + (frequenciesHz.length - 1) * gapSamples];
        for (int i = 0; i < frequenciesHz.length; i++) {
            short[] beep = beep(frequenciesHz[i], levelDbfs, toneMs);
            System.arraycopy(beep, 0, pcm, i * (toneSamples + gapSamples), toneSamples);
        }
        return pcm;
    }

    /** A short rising A-major arpeggio (A4, C♯5, E5) at -12 dBFS: a "connected" cue of 440 ms. */
    public static short[] greeting() {
        return sequence(-12, 120, 40, 440.0, 554.37, 659.25);
    }

    /** Digital silence of {@code durationMs} at 8 kHz. */
    public static short[] silence(int durationMs) {
        return new short[Telephony.samplesFor(durationMs)];
    }

    /** μ-law silence ({@link G711#SILENCE}) of {@code durationMs}. */
    public static byte[] silenceMuLaw(int durationMs) {
        byte[] muLaw = new byte[Telephony.samplesFor(durationMs)];
        Arrays.fill(muLaw, G711.SILENCE);
        return muLaw;
    }

    /** {@code pcm} μ-law encoded, e.g. {@code muLaw(beep(1000, -10, 200))}. */
    public static byte[] muLaw(short[] pcm) {
        byte[] muLaw = new byte[pcm.length];
        G711.encode(pcm, 0, muLaw, 0, pcm.length);
        return muLaw;
    }

    private static double amplitude(double levelDbfs) {
        if (!(levelDbfs <= 0)) {
            throw new IllegalArgumentException("level must be at most 0 dBFS (a full-scale sine), was "
                    + levelDbfs);
        }
        return FULL_SCALE * Math.pow(10, levelDbfs / 20);
    }

    private static void checkFrequency(double frequencyHz, int sampleRateHz) {
        if (!(frequencyHz > 0 && frequencyHz < sampleRateHz / 2.0)) {
            throw new IllegalArgumentException("frequency must be above 0 and below " + sampleRateHz / 2.0
                    + " Hz (Nyquist at " + sampleRateHz + " Hz), was " + frequencyHz);
        }
    }
}
