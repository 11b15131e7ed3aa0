package kol.audio;

/** Test signals and the measurements the audio tests make on them. */
final class Signals {

    private Signals() {
    }

    static short[] sine(int sampleRateHz, double frequencyHz, double amplitude, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRateHz));
        }
        return pcm;
    }

    static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double decibels(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** Sign changes between consecutive samples, zeros counted with the positive side. */
    static int zeroCrossings(short[] pcm, int from, int to) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    /** Amplitude of the {@code frequencyHz} component of {@code pcm[from, to)}, by the Goertzel recurrence. */
    static double goertzelAmplitude(short[] pcm, int from, int to, int sampleRateHz, double frequencyHz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double current = pcm[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious
                - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(power, 0)) / (to - from);
    }
}
