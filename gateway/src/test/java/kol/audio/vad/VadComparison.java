package kol.audio.vad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import kol.audio.Telephony;
import kol.audio.vad.LabelledCorpus.Category;
import kol.audio.vad.LabelledCorpus.Clip;

/**
 * Runs VADs over the {@link LabelledCorpus} through a {@link SpeechSegmenter} with the turn-taking defaults
 * and measures what turn-taking needs: which frames end up in speech runs (precision, recall), speech
 * starts on material with no speech in it, the longest such false run (barge-in needs {@value
 * #BARGE_IN_MIN_MS} ms), and how long after an utterance's end the END event comes. {@link #main} prints the
 * table in {@code docs/vad.md}; {@code VadComparisonTest} prints it in every build.
 */
final class VadComparison {

    static final int MIN_SPEECH_MS = 80;
    static final int HANGOVER_MS = 200;
    static final int BARGE_IN_MIN_MS = 300;

    /** True/false positives and negatives over frames. */
    static final class Counts {
        long truePositives;
        long falsePositives;
        long falseNegatives;

        void add(boolean detected, boolean labelled) {
            if (detected && labelled) {
                truePositives++;
            } else if (detected) {
                falsePositives++;
            } else if (labelled) {
                falseNegatives++;
            }
        }

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }
    }

    /** Everything measured for one VAD. */
    static final class Result {
        final String vad;
        /** Frames inside the segmenter's speech runs (first to last speech frame, hangover excluded). */
        final Counts runFrames = new Counts();
        final Map<Category, Counts> runFramesByCategory = new EnumMap<>(Category.class);
        /** Frames at or above the speech threshold, before any segmenting. */
        final Counts rawFrames = new Counts();
        /** STARTs on clips with no speech, by category; and STARTs in the gaps of speech clips. */
        final Map<Category, Integer> falseStarts = new EnumMap<>(Category.class);
        final Map<Category, Long> longestFalseRunMs = new EnumMap<>(Category.class);
        final List<Long> startLatenciesMs = new ArrayList<>();
        final List<Long> endDelaysMs = new ArrayList<>();
        /** ENDs fired while the utterance was still going on: the bot would have answered mid-sentence. */
        int earlyEnds;
        /** Utterances whose turn never ended before the next one began (or the clip ran out). */
        int missedEnds;
        long frames;
        long nanos;

        Result(String vad) {
            this.vad = vad;
            for (Category category : Category.values()) {
                runFramesByCategory.put(category, new Counts());
                falseStarts.put(category, 0);
                longestFalseRunMs.put(category, 0L);
            }
        }

        Counts runFrames(Category... categories) {
            Counts sum = new Counts();
            for (Category category : categories) {
                Counts c = runFramesByCategory.get(category);
                sum.truePositives += c.truePositives;
                sum.falsePositives += c.falsePositives;
                sum.falseNegatives += c.falseNegatives;
            }
            return sum;
        }

        int falseStarts(Category... categories) {
            int sum = 0;
            for (Category category : categories) {
                sum += falseStarts.get(category);
            }
            return sum;
        }

        long longestFalseRunMs(Category... categories) {
            long max = 0;
            for (Category category : categories) {
                max = Math.max(max, longestFalseRunMs.get(category));
            }
            return max;
        }

        double microsPerFrame() {
            return nanos / 1000.0 / Math.max(1, frames);
        }
    }

    private VadComparison() {
    }

    /** Runs a fresh detector from {@code detectors} over each clip (detectors are per call). */
    static Result run(String name, Supplier<? extends VoiceActivityDetector> detectors, List<Clip> corpus) {
        Result result = new Result(name);
        for (Clip clip : corpus) {
            VoiceActivityDetector detector = detectors.get();
            try {
                runClip(detector, clip, result);
            } finally {
                if (detector instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return result;
    }

    private static void runClip(VoiceActivityDetector detector, Clip clip, Result result) {
        SpeechSegmenter segmenter = new SpeechSegmenter(MIN_SPEECH_MS, HANGOVER_MS);
        boolean[] labels = clip.speechFrames();
        boolean[] inRuns = new boolean[labels.length];
        List<long[]> ends = new ArrayList<>();
        List<long[]> starts = new ArrayList<>();
        for (int frame = 0; frame < labels.length; frame++) {
            long t0 = System.nanoTime();
            float probability = detector.speechProbability(clip.pcm(), frame * Telephony.FRAME_SAMPLES);
            result.nanos += System.nanoTime() - t0;
            result.frames++;
            result.rawFrames.add(probability >= VoiceActivityDetector.SPEECH_THRESHOLD, labels[frame]);
            SpeechEvent event = segmenter.onProbability(probability);
            if (event == SpeechEvent.START) {
                starts.add(new long[] {segmenter.nowMs(), segmenter.speechStartMs()});
            }
            boolean runOver = event == SpeechEvent.END || (frame == labels.length - 1 && segmenter.inSpeech());
            if (runOver) {
                for (long f = segmenter.speechStartFrame(); f <= segmenter.lastSpeechFrame(); f++) {
                    inRuns[(int) f] = true;
                }
            }
            if (event == SpeechEvent.END) {
                ends.add(new long[] {segmenter.nowMs(), segmenter.lastSpeechEndMs()});
            }
            if (!clip.category().hasSpeech) {
                result.longestFalseRunMs.merge(clip.category(), segmenter.currentSpeechMs(), Math::max);
            }
        }
        for (int frame = 0; frame < labels.length; frame++) {
            result.runFrames.add(inRuns[frame], labels[frame]);
            result.runFramesByCategory.get(clip.category()).add(inRuns[frame], labels[frame]);
        }
        scoreStarts(clip, starts, result);
        scoreEnds(clip, ends, result);
    }

    private static void scoreStarts(Clip clip, List<long[]> starts, Result result) {
        List<long[]> utterances = utterancesMs(clip);
        for (long[] start : starts) {
            long[] utterance = utteranceAt(utterances, start[1]);
            if (utterance == null) {
                result.falseStarts.merge(clip.category(), 1, Integer::sum);
            }
        }
        for (long[] utterance : utterances) {
            for (long[] start : starts) {
                if (start[0] >= utterance[0] && start[0] <= utterance[1]) {
                    result.startLatenciesMs.add(start[0] - utterance[0]);
                    break;
                }
            }
        }
    }

    /**
     * An utterance's turn ends with the last END fired after its start and before the next utterance
     * starts; ENDs before the utterance's own end are early ones.
     */
    private static void scoreEnds(Clip clip, List<long[]> ends, Result result) {
        List<long[]> utterances = utterancesMs(clip);
        for (int i = 0; i < utterances.size(); i++) {
            long start = utterances.get(i)[0];
            long end = utterances.get(i)[1];
            long windowEnd = i + 1 < utterances.size() ? utterances.get(i + 1)[0] : Long.MAX_VALUE;
            long last = -1;
            for (long[] e : ends) {
                if (e[0] > start && e[0] <= windowEnd) {
                    if (e[0] < end) {
                        result.earlyEnds++;
                    }
                    last = e[0];
                }
            }
            if (last < end) {
                result.missedEnds++;
            } else {
                result.endDelaysMs.add(last - end);
            }
        }
    }

    /** Speech onsets within 100 ms before an utterance (a lead-in) or inside it, or its hangover, are true. */
    private static long[] utteranceAt(List<long[]> utterances, long runStartMs) {
        for (long[] utterance : utterances) {
            if (runStartMs >= utterance[0] - 100 && runStartMs <= utterance[1] + HANGOVER_MS) {
                return utterance;
            }
        }
        return null;
    }

    private static List<long[]> utterancesMs(Clip clip) {
        List<long[]> out = new ArrayList<>();
        for (int[] u : clip.utterances()) {
            out.add(new long[] {u[0] * 1000L / Telephony.SAMPLE_RATE_HZ, u[1] * 1000L / Telephony.SAMPLE_RATE_HZ});
        }
        return out;
    }

    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The comparison as a Markdown table, one column per VAD. */
    static String table(List<Result> results, List<Clip> corpus) {
        Map<Category, Integer> clips = new EnumMap<>(Category.class);
        int utterances = 0;
        for (Clip clip : corpus) {
            clips.merge(clip.category(), 1, Integer::sum);
            utterances += clip.utterances().size();
        }
        StringBuilder out = new StringBuilder();
        out.append("| measure (").append(corpus.size()).append(" clips, ").append(utterances)
                .append(" utterances; minSpeechMs ").append(MIN_SPEECH_MS).append(", hangoverMs ")
                .append(HANGOVER_MS).append(") |");
        for (Result r : results) {
            out.append(' ').append(r.vad).append(" |");
        }
        out.append("\n|---|");
        results.forEach(r -> out.append("---|"));
        out.append('\n');
        row(out, results, "frames in speech runs: precision, all clips", r -> f3(r.runFrames.precision()));
        row(out, results, "frames in speech runs: recall, clean speech (" + clips.get(Category.CLEAN_SPEECH)
                + " clips)", r -> f3(r.runFrames(Category.CLEAN_SPEECH).recall()));
        row(out, results, "frames in speech runs: recall, speech over noise (" + clips.get(Category.NOISY_SPEECH)
                + " clips)", r -> f3(r.runFrames(Category.NOISY_SPEECH).recall()));
        row(out, results, "raw frames (p ≥ 0.5): precision / recall",
                r -> f3(r.rawFrames.precision()) + " / " + f3(r.rawFrames.recall()));
        row(out, results, "false starts: silence, line noise, hum (" + (clips.get(Category.SILENCE)
                + clips.get(Category.LINE_NOISE) + clips.get(Category.HUM)) + " clips)",
                r -> String.valueOf(r.falseStarts(Category.SILENCE, Category.LINE_NOISE, Category.HUM)));
        row(out, results, "false starts: music on hold (" + clips.get(Category.MUSIC) + " clips)",
                r -> String.valueOf(r.falseStarts(Category.MUSIC)));
        row(out, results, "false starts: single bursts (" + 4 * clips.get(Category.BURST) + " bursts)",
                r -> String.valueOf(r.falseStarts(Category.BURST)));
        row(out, results, "false starts: between utterances of speech clips",
                r -> String.valueOf(r.falseStarts(Category.CLEAN_SPEECH, Category.NOISY_SPEECH)));
        row(out, results, "longest speech run on non-speech, ms (barge-in at " + BARGE_IN_MIN_MS + ")",
                r -> String.valueOf(r.longestFalseRunMs(Category.values())));
        row(out, results, "speech start latency after onset, ms: median / p90",
                r -> percentile(r.startLatenciesMs, 50) + " / " + percentile(r.startLatenciesMs, 90));
        row(out, results, "end-of-speech delay after utterance end, ms: median / p90",
                r -> percentile(r.endDelaysMs, 50) + " / " + percentile(r.endDelaysMs, 90));
        row(out, results, "turns ended mid-utterance / never ended", r -> r.earlyEnds + " / " + r.missedEnds);
        row(out, results, "detector time per 20 ms frame, µs (this machine)",
                r -> String.format(Locale.ROOT, "%.1f", r.microsPerFrame()));
        return out.toString();
    }

    private interface Cell {
        String of(Result result);
    }

    private static void row(StringBuilder out, List<Result> results, String measure, Cell cell) {
        out.append("| ").append(measure).append(" |");
        for (Result r : results) {
            out.append(' ').append(cell.of(r)).append(" |");
        }
        out.append('\n');
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The comparison on this corpus: energy always, then Silero for each of {@code modelFiles} that exists. */
    static List<Result> compare(List<Path> modelFiles, List<Clip> corpus) {
        List<Result> results = new ArrayList<>();
        results.add(run("energy", EnergyVad::new, corpus));
        for (Path file : modelFiles) {
            if (Files.exists(file)) {
                try (SileroModel model = SileroModel.load(file)) {
                    String version = model.version().name().toLowerCase(Locale.ROOT);
                    results.add(run("silero " + version, model::create, corpus));
                }
            }
        }
        return results;
    }

    /** Prints the table; the arguments are model files, by default {@code models/silero_vad.onnx}. */
    public static void main(String[] args) {
        List<Path> models = new ArrayList<>();
        for (String arg : args) {
            models.add(Path.of(arg));
        }
        if (models.isEmpty()) {
            models.add(SileroModel.DEFAULT_PATH);
        }
        List<Clip> corpus = LabelledCorpus.all();
        System.out.println(table(compare(models, corpus), corpus));
    }
}
