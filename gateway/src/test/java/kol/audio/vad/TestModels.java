package kol.audio.vad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Silero model for tests: {@code models/silero_vad.onnx} at the repository root, if fetched. */
final class TestModels {

    static final String WHY_SKIPPED = "no Silero model at models/silero_vad.onnx under the repository root;"
            + " run docs/fetch-silero-model.sh to test Silero for real";

    private TestModels() {
    }

    /** Looks from the working directory (the module, under Maven) up to the repository root. */
    static Optional<Path> silero() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SileroModel.DEFAULT_PATH);
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
