package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kol.audio.Telephony;
import kol.audio.vad.LabelledCorpus.Category;
import kol.audio.vad.LabelledCorpus.Clip;
import kol.audio.vad.VadComparison.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silero on ONNX Runtime. The error cases always run; the rest run the real model when it has been fetched
 * to {@code models/silero_vad.onnx} and are skipped, saying so, when it has not.
 */
class SileroVadTest {

    @TempDir
    Path dir;

    @Test
    void aMissingModelFileIsAnErrorThatSaysWhereAndHowToFetchIt() {
        Path missing = dir.resolve("nowhere/silero_vad.onnx");

        assertThatThrownBy(() -> SileroModel.load(missing)).isInstanceOf(VadModelException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("VAD_MODEL")
                .hasMessageContaining("docs/fetch-silero-model.sh");
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsAnErrorNamingIt() throws IOException {
        Path bogus = Files.writeString(dir.resolve("silero_vad.onnx"), "not a model");

        assertThatThrownBy(() -> SileroModel.load(bogus)).isInstanceOf(VadModelException.class)
                .hasMessageContaining("cannot load " + bogus.toAbsolutePath());
        assertThatThrownBy(() -> VadFactory.forModel(bogus)).isInstanceOf(VadModelException.class);
    }

    @Test
    void withoutAModelFileTheFactoryGivesTheEnergyVad() {
        VoiceActivityDetector vad = VadFactory.forModel(dir.resolve("absent.onnx")).create();

        assertThat(vad).isInstanceOf(EnergyVad.class);
    }

    @Test
    void theModelFromVadNodeIsV4AndTheFactoryUsesIt() {
        try (SileroModel model = SileroModel.load(model())) {
            assertThat(model.version()).isEqualTo(SileroModel.Version.V4);
        }
        VadFactory factory = VadFactory.forModel(model());
        try (SileroVad vad = (SileroVad) factory.create()) {
            assertThat(vad.name()).isEqualTo("silero");
        } finally {
            ((SileroModel) factory).close();
        }
    }

    @Test
    void runsTheModelOncePerWhole256SampleWindow() {
        try (SileroModel model = SileroModel.load(model()); SileroVad vad = model.create()) {
            short[] frame = new short[Telephony.FRAME_SAMPLES];
            long[] afterFrame = new long[10];
            for (int i = 0; i < afterFrame.length; i++) {
                vad.speechProbability(frame, 0);
                afterFrame[i] = vad.inferences();
            }
            // 160 samples a frame, 256 a window: windows complete on frames 2, 4, 5, 7, 8, 10.
            assertThat(afterFrame).containsExactly(0, 1, 1, 2, 3, 3, 4, 5, 5, 6);
        }
    }

    @Test
    void findsSpeechAndStartsNothingOnSilenceLineNoiseOrHum() {
        List<Clip> corpus = LabelledCorpus.all();
        try (SileroModel model = SileroModel.load(model())) {
            Result result = VadComparison.run("silero", model::create, corpus);

            assertThat(result.runFrames(Category.CLEAN_SPEECH).recall()).isGreaterThanOrEqualTo(0.9);
            assertThat(result.runFrames.precision()).isGreaterThanOrEqualTo(0.85);
            assertThat(result.falseStarts(Category.SILENCE, Category.LINE_NOISE, Category.HUM)).isZero();
            assertThat(result.longestFalseRunMs(Category.BURST)).isLessThan(VadComparison.BARGE_IN_MIN_MS);
        }
    }

    @Test
    void resetMakesARunOverTheSameAudioRepeatItself() {
        Clip clip = LabelledCorpus.speech().get(0);
        try (SileroModel model = SileroModel.load(model()); SileroVad vad = model.create()) {
            float[] first = probabilities(vad, clip);
            vad.reset();

            assertThat(probabilities(vad, clip)).containsExactly(first);
            float max = 0;
            for (float p : first) {
                max = Math.max(max, p);
            }
            assertThat(first).contains(0f);
            assertThat(max).isGreaterThan(0.9f);
        }
    }

    @Test
    void theV5GraphCarriesItsStateAndContextAcrossWindows() {
        Assumptions.assumeTrue(TestModels.sileroV5().isPresent(), TestModels.WHY_V5_SKIPPED);
        List<Clip> corpus = LabelledCorpus.all();
        try (SileroModel model = SileroModel.load(TestModels.sileroV5().orElseThrow())) {
            assertThat(model.version()).isEqualTo(SileroModel.Version.V5);
            Result result = VadComparison.run("silero v5", model::create, corpus);

            assertThat(result.runFrames(Category.CLEAN_SPEECH).recall()).isGreaterThanOrEqualTo(0.9);
            assertThat(result.runFrames.precision()).isGreaterThanOrEqualTo(0.85);
            assertThat(result.falseStarts(Category.SILENCE, Category.LINE_NOISE, Category.HUM)).isZero();
        }
    }

    private static Path model() {
        Assumptions.assumeTrue(TestModels.silero().isPresent(), TestModels.WHY_SKIPPED);
        return TestModels.silero().orElseThrow();
    }

    private static float[] probabilities(VoiceActivityDetector vad, Clip clip) {
        float[] out = new float[clip.frames()];
        for (int f = 0; f < out.length; f++) {
            out[f] = vad.speechProbability(clip.pcm(), f * Telephony.FRAME_SAMPLES);
        }
        return out;
    }
}
