package kol.audio.vad;

import java.util.Random;
import kol.audio.G711;
import kol.audio.Telephony;

/**
 * The non-speech sounds of a phone line, made from seeded random numbers so every run hears the same thing.
 * Levels are RMS in dBFS with a full-scale sine at 0 dBFS (AES17), as in {@link kol.audio.Tones}.
 */
final class LineSignals {

    private static final double FULL_SCALE = Short.MAX_VALUE;

    private LineSignals() {
    }

    /** RMS, in sample units, of a signal at {@code levelDbfs}. */
    static double rmsFor(double levelDbfs) {
        return FULL_SCALE / Math.sqrt(2) * Math.pow(10, levelDbfs / 20);
    }

    static double levelDbfs(double[] signal, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += signal[i] * signal[i];
        }
        return 20 * Math.log10(Math.sqrt(sum / (to - from)) * Math.sqrt(2) / FULL_SCALE);
    }

    /** Scales {@code signal} in place to {@code levelDbfs} RMS over its whole length. */
    static double[] atLevel(double[] signal, double levelDbfs) {
        double gain = Math.pow(10, (levelDbfs - levelDbfs(signal, 0, signal.length)) / 20);
        for (int i = 0; i < signal.length; i++) {
            signal[i] *= gain;
        }
        return signal;
    }

    static double[] white(int samples, double levelDbfs, long seed) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = random.nextGaussian();
        }
        return atLevel(out, levelDbfs);
    }

    /** Pink (1/f) noise by Paul Kellett's economy filter: three poles, within 0.5 dB of −3 dB/octave. */
    static double[] pink(int samples, double levelDbfs, long seed) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < samples; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            out[i] = b0 + b1 + b2 + white * 0.1848;
        }
        return atLevel(out, levelDbfs);
    }

    /** Mains hum: 50 Hz and its harmonics to 1 kHz, odd ones strongest, as a transformer's buzz is. */
    static double[] hum(int samples, double levelDbfs) {
        double[] out = new double[samples];
        for (int harmonic = 1; harmonic <= 20; harmonic++) {
            double amplitude = (harmonic % 2 == 1 ? 1.0 : 0.3) / harmonic;
            double radiansPerSample = 2 * Math.PI * 50 * harmonic / Telephony.SAMPLE_RATE_HZ;
            for (int i = 0; i < samples; i++) {
                out[i] += amplitude * Math.sin(radiansPerSample * i + harmonic);
            }
        }
        return atLevel(out, levelDbfs);
    }

    /**
     * Music on hold: a I–V–vi–IV chord loop, each chord a half-second pulse of three notes with four
     * harmonics and a plucked envelope, over a melody of quarter notes; about speech's level and rhythm.
     */
    static double[] music(int samples, double levelDbfs, boolean withMelody) {
        double[][] chordsHz = {
            {261.63, 329.63, 392.00}, {196.00, 246.94, 293.66}, {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63},
        };
        double[] melodyHz = {523.25, 587.33, 659.25, 783.99, 659.25, 587.33, 523.25, 493.88};
        int beat = Telephony.samplesFor(500);
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            int beatIndex = i / beat;
            double t = (double) (i % beat) / Telephony.SAMPLE_RATE_HZ;
            double envelope = Math.min(1, t / 0.01) * Math.exp(-t / 0.35);
            double[] chord = chordsHz[(beatIndex / 2) % chordsHz.length];
            double value = 0;
            for (double f : chord) {
                value += envelope * harmonics(f, i);
            }
            if (withMelody) {
                int note = i / (beat / 2);
                double tn = (double) (i % (beat / 2)) / Telephony.SAMPLE_RATE_HZ;
                value += 1.5 * Math.min(1, tn / 0.01) * Math.exp(-tn / 0.2)
                        * harmonics(melodyHz[note % melodyHz.length], i);
            }
            out[i] = value;
        }
        return atLevel(out, levelDbfs);
    }

    /**
     * A sung or bowed line: a slow melody whose notes glide in with a 6 Hz, ±3 % vibrato and five harmonics,
     * as a voice or a violin holds a note. Its pitch moves all the time, as speech's does.
     */
    static double[] vibratoMelody(int samples, double levelDbfs) {
        double[] notesHz = {392.00, 440.00, 493.88, 523.25, 493.88, 440.00, 392.00, 329.63};
        int noteSamples = Telephony.samplesFor(600);
        double[] out = new double[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / Telephony.SAMPLE_RATE_HZ;
            double tn = (double) (i % noteSamples) / Telephony.SAMPLE_RATE_HZ;
            double f = notesHz[(i / noteSamples) % notesHz.length] * (1 + 0.03 * Math.sin(2 * Math.PI * 6 * t));
            phase += 2 * Math.PI * f / Telephony.SAMPLE_RATE_HZ;
            double envelope = Math.min(1, tn / 0.05) * Math.min(1, (0.6 - tn) / 0.05);
            double value = 0;
            for (int h = 1; h <= 5 && f * h < 3800; h++) {
                value += Math.sin(h * phase) / h;
            }
            out[i] = envelope * value;
        }
        return atLevel(out, levelDbfs);
    }

    private static double harmonics(double frequencyHz, int sample) {
        double value = 0;
        for (int h = 1; h <= 4 && frequencyHz * h < 3800; h++) {
            value += Math.sin(2 * Math.PI * frequencyHz * h * sample / Telephony.SAMPLE_RATE_HZ) / h;
        }
        return value;
    }

    /** A click: a 2 ms full-scale spike pair, as a handset knock or a line glitch makes. */
    static double[] click() {
        double[] out = new double[Telephony.samplesFor(2)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i % 2 == 0 ? 1 : -1) * 0.9 * FULL_SCALE * (1 - (double) i / out.length);
        }
        return out;
    }

    /** A pop: 40 ms of a decaying 120 Hz half-wave thump with a noisy edge. */
    static double[] pop(long seed) {
        Random random = new Random(seed);
        double[] out = new double[Telephony.samplesFor(40)];
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / Telephony.SAMPLE_RATE_HZ;
            out[i] = 0.6 * FULL_SCALE * Math.exp(-t / 0.01)
                    * (Math.sin(2 * Math.PI * 120 * t) + 0.3 * random.nextGaussian());
        }
        return out;
    }

    /** A door slam: 150 ms of low-passed noise and an 80 Hz thump, loud at once and decaying. */
    static double[] doorSlam(long seed) {
        Random random = new Random(seed);
        double[] out = new double[Telephony.samplesFor(150)];
        double lowPassed = 0;
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / Telephony.SAMPLE_RATE_HZ;
            lowPassed = 0.7 * lowPassed + 0.3 * random.nextGaussian();
            out[i] = 0.5 * FULL_SCALE * Math.exp(-t / 0.04) * (lowPassed + 0.8 * Math.sin(2 * Math.PI * 80 * t));
        }
        return out;
    }

    /** Adds {@code part} into {@code mix} from {@code at}, clipped to the end of {@code mix}. */
    static void add(double[] mix, double[] part, int at) {
        for (int i = 0; i < part.length && at + i < mix.length; i++) {
            mix[at + i] += part[i];
        }
    }

    /** What the far end receives: the signal saturated to 16 bits and passed through G.711 μ-law. */
    static short[] telephone(double[] signal) {
        short[] out = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            long rounded = Math.round(signal[i]);
            short sample = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
            out[i] = G711.decode(G711.encode(sample));
        }
        return out;
    }
}
