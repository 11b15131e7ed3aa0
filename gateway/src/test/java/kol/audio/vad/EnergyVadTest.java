package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kol.audio.Telephony;
import kol.audio.vad.LabelledCorpus.Category;
import kol.audio.vad.LabelledCorpus.Clip;
import kol.audio.vad.VadComparison.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default VAD on the labelled corpus, through the segmenter with the turn-taking defaults. */
class EnergyVadTest {

    private static List<Clip> corpus;
    private static Result result;

    @BeforeAll
    static void runOverTheCorpus() {
        corpus = LabelledCorpus.all();
        result = VadComparison.run("energy", EnergyVad::new, corpus);
    }

    @Test
    void findsAtLeastNineTenthsOfCleanSpeech() {
        assertThat(result.runFrames(Category.CLEAN_SPEECH).recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void atLeastNineTenthsOfWhatItCallsSpeechIsSpeech() {
        assertThat(result.runFrames.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void neverStartsSpeechOnSilenceLineNoiseOrHum() {
        for (Clip clip : corpus) {
            if (clip.category() == Category.SILENCE || clip.category() == Category.LINE_NOISE
                    || clip.category() == Category.HUM) {
                assertThat(starts(clip)).as(clip.name()).isZero();
            }
        }
    }

    @Test
    void noSingleBurstMakesASpeechRunAsLongAsBargeIn() {
        assertThat(result.longestFalseRunMs(Category.BURST)).isLessThan(VadComparison.BARGE_IN_MIN_MS);
    }

    @Test
    void ourMusicOnHoldDoesNotReachBargeInEither() {
        // Synthetic chords and melody; music with singing would be another matter (docs/vad.md).
        assertThat(result.longestFalseRunMs(Category.MUSIC)).isLessThan(VadComparison.BARGE_IN_MIN_MS);
    }

    @Test
    void endsEveryTurnWithinAHangoverAndAFrameOrTwoOfTheUtterancesEnd() {
        assertThat(result.missedEnds).isZero();
        assertThat(VadComparison.percentile(result.endDelaysMs, 90))
                .isBetween(0L, (long) VadComparison.HANGOVER_MS + 40);
    }

    @Test
    void startsATurnWithin200MsOfMostUtterances() {
        assertThat(result.startLatenciesMs).hasSize(16);
        assertThat(VadComparison.percentile(result.startLatenciesMs, 90)).isLessThanOrEqualTo(200L);
    }

    @Test
    void resetMakesARunOverTheSameAudioRepeatItself() {
        Clip clip = corpus.get(0);
        EnergyVad vad = new EnergyVad();
        float[] first = probabilities(vad, clip);
        vad.reset();

        assertThat(probabilities(vad, clip)).containsExactly(first);
    }

    @Test
    void digitalSilenceIsNeverSpeech() {
        EnergyVad vad = new EnergyVad();
        short[] silence = new short[Telephony.FRAME_SAMPLES];
        for (int i = 0; i < 100; i++) {
            assertThat(vad.speechProbability(silence, 0)).isZero();
        }
        assertThat(vad.name()).isEqualTo("energy");
    }

    @Test
    void takingDigitalSilenceAsKnownGivesExactlyWhatComputingItGives() {
        // Speech, noise and music, with runs of digital silence (and of near silence: one LSB) before and between.
        List<short[]> frames = new ArrayList<>();
        for (int c = 0; c < corpus.size(); c += 3) {
            Clip clip = corpus.get(c);
            for (int f = 0; f < 7 + c % 11; f++) {
                short[] quiet = new short[Telephony.FRAME_SAMPLES];
                if (f % 5 == 4) {
                    quiet[f * 13 % quiet.length] = (short) (f % 2 == 0 ? 1 : -1);
                }
                frames.add(quiet);
            }
            for (int f = 0; f < clip.frames(); f++) {
                frames.add(Arrays.copyOfRange(clip.pcm(), f * Telephony.FRAME_SAMPLES,
                        (f + 1) * Telephony.FRAME_SAMPLES));
            }
        }
        EnergyVad shortcut = new EnergyVad(true);
        EnergyVad computed = new EnergyVad(false);
        int silent = 0;
        for (short[] frame : frames) {
            float expected = computed.speechProbability(frame, 0);
            assertThat(shortcut.speechProbability(frame, 0)).isEqualTo(expected);
            assertThat(shortcut.lastCues()).containsExactly(computed.lastCues());
            silent += Arrays.equals(frame, new short[Telephony.FRAME_SAMPLES]) ? 1 : 0;
        }
        assertThat(silent).isGreaterThan(100);
        assertThat(frames.size() - silent).isGreaterThan(1000);
    }

    private static int starts(Clip clip) {
        SpeechSegmenter segmenter = new SpeechSegmenter(new EnergyVad(), VadComparison.MIN_SPEECH_MS,
                VadComparison.HANGOVER_MS);
        int starts = 0;
        for (int f = 0; f < clip.frames(); f++) {
            if (segmenter.onFrame(clip.pcm(), f * Telephony.FRAME_SAMPLES) == SpeechEvent.START) {
                starts++;
            }
        }
        return starts;
    }

    private static float[] probabilities(VoiceActivityDetector vad, Clip clip) {
        float[] out = new float[clip.frames()];
        for (int f = 0; f < out.length; f++) {
            out[f] = vad.speechProbability(clip.pcm(), f * Telephony.FRAME_SAMPLES);
        }
        return out;
    }
}
