package kol.audio.vad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds Silero models for tests under {@code models/} at the repository root, where {@code
 * docs/fetch-silero-model.sh} puts them: {@code silero_vad.onnx} (v4, the default) and {@code
 * silero_vad_v5.onnx}.
 */
final class TestModels {

    static final Path V5_PATH = Path.of("models", "silero_vad_v5.onnx");
    static final String WHY_SKIPPED = "no Silero model at models/silero_vad.onnx under the repository root;"
            + " run docs/fetch-silero-model.sh to test Silero for real";
    static final String WHY_V5_SKIPPED = "no Silero v5 model at models/silero_vad_v5.onnx under the repository"
            + " root; run docs/fetch-silero-model.sh v5 to test the v5 graph for real";

    private TestModels() {
    }

    static Optional<Path> silero() {
        return find(SileroModel.DEFAULT_PATH);
    }

    static Optional<Path> sileroV5() {
        return find(V5_PATH);
    }

    /** Looks from the working directory (the module, under Maven) up to the repository root. */
    private static Optional<Path> find(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }
}
