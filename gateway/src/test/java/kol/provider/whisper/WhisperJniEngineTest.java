package kol.provider.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kol.base.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real binding up to the model call. No Whisper model can be fetched where these tests run, so transcription
 * itself is not exercised here; what a user meets before it is: a missing, empty or wrong model file, and native code
 * that does not load.
 */
class WhisperJniEngineTest {

    @TempDir
    Path dir;

    @Test
    void aMissingModelFileFailsNamingItAndWhereToGetOne() {
        assertThatThrownBy(() -> WhisperStt.fromSettings(Settings.of(Map.of("WHISPER_MODEL",
                dir.resolve("ggml-small.bin").toString()))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("WHISPER_MODEL=" + dir.resolve("ggml-small.bin") + " does not exist")
                .hasMessageContaining("docs/whisper.md");
    }

    @Test
    void anEmptyModelFileFailsAsAnInterruptedDownload() throws Exception {
        Path empty = Files.createFile(dir.resolve("ggml-small.bin"));

        assertThatThrownBy(() -> WhisperJniEngine.load(empty, "he", 1)).hasMessageContaining("is empty");
    }

    @Test
    void aFileThatIsNotAWhisperModelFailsClearlyThroughTheRealBinding() throws Exception {
        Path notAModel = Files.writeString(dir.resolve("model.bin"), "<html>404 Not Found</html>",
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> WhisperJniEngine.load(notAModel, "he", 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not a model whisper.cpp can load")
                .hasMessageContaining("docs/whisper.md");
    }

    @Test
    void nativeCodeThatDoesNotLoadFailsNamingThePlatformAndTheAlternatives() throws Exception {
        Path model = Files.write(dir.resolve("model.bin"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> WhisperJniEngine.load(model, "he", 1, () -> {
            throw new UnsatisfiedLinkError("libwhisper-jni.so: cannot open shared object file");
        }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not load on " + System.getProperty("os.name"))
                .hasMessageContaining("cannot open shared object file")
                .hasMessageContaining("STT_PROVIDER=google or none");
    }

    @Test
    void bracketedSegmentsAreNotWords() {
        assertThat(WhisperJniEngine.isNonSpeech(" [BLANK_AUDIO]")).isTrue();
        assertThat(WhisperJniEngine.isNonSpeech(" (מוזיקה)")).isTrue();
        assertThat(WhisperJniEngine.isNonSpeech(" אני רוצה לקבוע תור (מחר)")).isFalse();
    }
}
