package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kol.audio.vad.LabelledCorpus.Clip;
import kol.audio.vad.VadComparison.Result;
import org.junit.jupiter.api.Test;

/**
 * Prints the comparison table of docs/vad.md (Silero's column only where the model has been fetched) and
 * leaves a copy in {@code target/vad-comparison.md}.
 */
class VadComparisonTest {

    @Test
    void comparesEveryAvailableVadOnTheSameCorpus() throws IOException {
        List<Clip> corpus = LabelledCorpus.all();
        Path model = TestModels.silero().orElse(Path.of("absent"));
        List<Result> results = VadComparison.compare(model, corpus);
        String table = VadComparison.table(results, corpus);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "vad-comparison.md"), table);

        assertThat(results).extracting(r -> r.vad.split(" ")[0])
                .containsExactlyElementsOf(TestModels.silero().isPresent() ? List.of("energy", "silero")
                        : List.of("energy"));
        for (Result result : results) {
            assertThat(result.frames).isEqualTo(corpus.stream().mapToLong(Clip::frames).sum());
        }
    }
}
