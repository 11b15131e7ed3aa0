package kol.audio.vad;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import kol.audio.Telephony;
import kol.audio.Wav;

/**
 * Labelled test audio for the VADs, all of it through the telephone path (8 kHz, μ-law): the committed
 * espeak-ng sentences (see {@code src/test/resources/vad/make-speech.sh}) placed at known offsets, alone or
 * over line noise, and non-speech clips (silence, line noise, hum, music on hold, single bursts) made
 * here. A speech label runs from an utterance's first sample to its last, except for pauses between words
 * where the clean utterance is silent (below {@value #PAUSE_DBFS} dBFS) for {@value #PAUSE_MS} ms or more:
 * no detector can hear speech there, and a turn-taking VAD should not.
 */
final class LabelledCorpus {

    enum Category {
        CLEAN_SPEECH(true), NOISY_SPEECH(true), SILENCE(false), LINE_NOISE(false), HUM(false), MUSIC(false),
        BURST(false);

        final boolean hasSpeech;

        Category(boolean hasSpeech) {
            this.hasSpeech = hasSpeech;
        }
    }

    /**
     * A clip and its truth as sample ranges {@code [start, end)}: the speech it holds, and the utterances that
     * speech belongs to (whose ends are the ends of turn).
     */
    record Clip(String name, Category category, short[] pcm, List<int[]> speechSamples, List<int[]> utterances) {

        int frames() {
            return pcm.length / Telephony.FRAME_SAMPLES;
        }

        /** A frame is speech when at least half of it lies inside a labelled interval. */
        boolean[] speechFrames() {
            boolean[] labels = new boolean[frames()];
            for (int frame = 0; frame < labels.length; frame++) {
                int start = frame * Telephony.FRAME_SAMPLES;
                int end = start + Telephony.FRAME_SAMPLES;
                for (int[] interval : speechSamples) {
                    int overlap = Math.min(end, interval[1]) - Math.max(start, interval[0]);
                    labels[frame] |= overlap >= Telephony.FRAME_SAMPLES / 2;
                }
            }
            return labels;
        }

        /** Ends of the utterances in ms, in order. */
        List<Long> utteranceEndsMs() {
            List<Long> ends = new ArrayList<>();
            for (int[] interval : utterances) {
                ends.add(interval[1] * 1000L / Telephony.SAMPLE_RATE_HZ);
            }
            return ends;
        }
    }

    static final double SPEECH_DBFS = -24;
    static final double PAUSE_DBFS = -55;
    static final int PAUSE_MS = 60;
    static final double QUIET_SPEECH_DBFS = -32;
    private static final int LEAD_MS = 800;
    private static final int GAP_MS = 900;
    private static final int TAIL_MS = 1000;
    private static final int NON_SPEECH_MS = 5000;
    private static final String[][] PAIRS = {{"he-1", "en-1"}, {"en-2", "he-2"}, {"he-3", "en-3"}, {"en-4", "he-4"}};

    private LabelledCorpus() {
    }

    static List<Clip> all() {
        List<Clip> clips = new ArrayList<>();
        clips.addAll(speech());
        clips.addAll(nonSpeech());
        return clips;
    }

    static List<Clip> speech() {
        List<Clip> clips = new ArrayList<>();
        clips.add(speechClip("clean digital silence", Category.CLEAN_SPEECH, PAIRS[0], SPEECH_DBFS, null));
        clips.add(speechClip("clean dither", Category.CLEAN_SPEECH, PAIRS[1], SPEECH_DBFS,
                n -> LineSignals.white(n, -60, 11)));
        clips.add(speechClip("clean quiet", Category.CLEAN_SPEECH, PAIRS[2], QUIET_SPEECH_DBFS,
                n -> LineSignals.white(n, -60, 12)));
        clips.add(speechClip("clean dither", Category.CLEAN_SPEECH, PAIRS[3], SPEECH_DBFS,
                n -> LineSignals.white(n, -60, 13)));
        clips.add(speechClip("over white -40", Category.NOISY_SPEECH, PAIRS[0], SPEECH_DBFS,
                n -> LineSignals.white(n, -40, 21)));
        clips.add(speechClip("over pink -35", Category.NOISY_SPEECH, PAIRS[1], SPEECH_DBFS,
                n -> LineSignals.pink(n, -35, 22)));
        clips.add(speechClip("over hum -35", Category.NOISY_SPEECH, PAIRS[2], SPEECH_DBFS,
                n -> LineSignals.hum(n, -35)));
        clips.add(speechClip("quiet over pink -42 + hum", Category.NOISY_SPEECH, PAIRS[3], QUIET_SPEECH_DBFS,
                n -> sum(LineSignals.pink(n, -42, 24), LineSignals.hum(n, -42))));
        return clips;
    }

    static List<Clip> nonSpeech() {
        int n = Telephony.samplesFor(NON_SPEECH_MS);
        List<Clip> clips = new ArrayList<>();
        clips.add(clip("digital silence", Category.SILENCE, new double[n]));
        clips.add(clip("dither -60", Category.SILENCE, LineSignals.white(n, -60, 31)));
        clips.add(clip("white -45", Category.LINE_NOISE, LineSignals.white(n, -45, 41)));
        clips.add(clip("white -35", Category.LINE_NOISE, LineSignals.white(n, -35, 42)));
        clips.add(clip("pink -40", Category.LINE_NOISE, LineSignals.pink(n, -40, 43)));
        clips.add(clip("pink -35", Category.LINE_NOISE, LineSignals.pink(n, -35, 44)));
        clips.add(clip("dither, then white -40 from 2 s", Category.LINE_NOISE,
                sum(LineSignals.white(n, -60, 45), from(2000, LineSignals.white(n, -40, 46)))));
        clips.add(clip("dither, then pink -35 from 2 s", Category.LINE_NOISE,
                sum(LineSignals.white(n, -60, 47), from(2000, LineSignals.pink(n, -35, 48)))));
        clips.add(clip("hum -40", Category.HUM, LineSignals.hum(n, -40)));
        clips.add(clip("hum -35", Category.HUM, LineSignals.hum(n, -35)));
        clips.add(clip("hum -35 + white -50", Category.HUM,
                sum(LineSignals.hum(n, -35), LineSignals.white(n, -50, 51))));
        clips.add(clip("dither, then hum -35 from 2 s", Category.HUM,
                sum(LineSignals.white(n, -60, 52), from(2000, LineSignals.hum(n, -35)))));
        clips.add(clip("chords", Category.MUSIC, LineSignals.music(n, SPEECH_DBFS, false)));
        clips.add(clip("chords + melody", Category.MUSIC, LineSignals.music(n, SPEECH_DBFS, true)));
        clips.add(clip("vibrato melody", Category.MUSIC, LineSignals.vibratoMelody(n, SPEECH_DBFS)));
        clips.add(clip("quiet music over pink -45", Category.MUSIC,
                sum(LineSignals.music(n, QUIET_SPEECH_DBFS, true), LineSignals.pink(n, -45, 61))));
        clips.add(bursts("clicks", LineSignals.white(n, -60, 71), i -> LineSignals.click()));
        clips.add(bursts("pops", LineSignals.white(n, -60, 72), i -> LineSignals.pop(720 + i)));
        clips.add(bursts("door slams", LineSignals.white(n, -60, 73), i -> LineSignals.doorSlam(730 + i)));
        clips.add(bursts("door slams over white -45", LineSignals.white(n, -45, 74),
                i -> LineSignals.doorSlam(740 + i)));
        return clips;
    }

    /** Four single bursts, 1.2 s apart, the first after 0.6 s. */
    private static Clip bursts(String name, double[] background, IntFunction<double[]> burst) {
        for (int i = 0; i < 4; i++) {
            LineSignals.add(background, burst.apply(i), Telephony.samplesFor(600 + 1200 * i));
        }
        return clip(name, Category.BURST, background);
    }

    private static Clip clip(String name, Category category, double[] signal) {
        return new Clip(name, category, LineSignals.telephone(signal), List.of(), List.of());
    }

    private static Clip speechClip(String name, Category category, String[] pair, double speechDbfs,
            IntFunction<double[]> background) {
        double[] first = LineSignals.atLevel(utterance(pair[0]), speechDbfs);
        double[] second = LineSignals.atLevel(utterance(pair[1]), speechDbfs);
        int firstAt = Telephony.samplesFor(LEAD_MS);
        int secondAt = firstAt + first.length + Telephony.samplesFor(GAP_MS);
        int length = secondAt + second.length + Telephony.samplesFor(TAIL_MS);
        double[] mix = background == null ? new double[length] : background.apply(length);
        LineSignals.add(mix, first, firstAt);
        LineSignals.add(mix, second, secondAt);
        List<int[]> labels = new ArrayList<>(voicedParts(first, firstAt));
        labels.addAll(voicedParts(second, secondAt));
        List<int[]> utterances = List.of(new int[] {firstAt, firstAt + first.length},
                new int[] {secondAt, secondAt + second.length});
        return new Clip(name + " " + pair[0] + "+" + pair[1], category, LineSignals.telephone(mix), labels,
                utterances);
    }

    /** The utterance's span from {@code at}, split at its silent pauses, as sample ranges. */
    static List<int[]> voicedParts(double[] utterance, int at) {
        int frame = Telephony.FRAME_SAMPLES;
        int pauseFrames = PAUSE_MS / Telephony.FRAME_MS;
        List<int[]> parts = new ArrayList<>();
        int partStart = 0;
        int silentSince = -1;
        for (int start = 0; start + frame <= utterance.length; start += frame) {
            boolean silent = LineSignals.levelDbfs(utterance, start, start + frame) < PAUSE_DBFS;
            if (silent && silentSince < 0) {
                silentSince = start;
            } else if (!silent && silentSince >= 0) {
                if (start - silentSince >= pauseFrames * frame && silentSince > partStart) {
                    parts.add(new int[] {at + partStart, at + silentSince});
                    partStart = start;
                }
                silentSince = -1;
            }
        }
        parts.add(new int[] {at + partStart, at + utterance.length});
        return parts;
    }

    static double[] utterance(String name) {
        try (InputStream in = LabelledCorpus.class.getResourceAsStream("/vad/speech-" + name + ".wav")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vad/speech-" + name + ".wav");
            }
            short[] pcm = Wav.read(in).pcm16Mono();
            double[] out = new double[pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                out[i] = pcm[i];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code signal} silenced before {@code ms}: a noise that appears mid-call. */
    private static double[] from(int ms, double[] signal) {
        Arrays.fill(signal, 0, Telephony.samplesFor(ms), 0);
        return signal;
    }

    private static double[] sum(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
