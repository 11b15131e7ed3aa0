package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kol.audio.vad.LabelledCorpus.Clip;
import kol.audio.vad.VadComparison.Result;
import org.junit.jupiter.api.Test;

/**
 * Prints the comparison table of docs/vad.md (a Silero column for each model that has been fetched) and
 * leaves a copy in {@code target/vad-comparison.md}.
 */
class VadComparisonTest {

    @Test
    void comparesEveryAvailableVadOnTheSameCorpus() throws IOException {
        List<Clip> corpus = LabelledCorpus.all();
        List<Path> models = new ArrayList<>();
        TestModels.silero().ifPresent(models::add);
        TestModels.sileroV5().ifPresent(models::add);
        List<Result> results = VadComparison.compare(models, corpus);
        String table = VadComparison.table(results, corpus);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "vad-comparison.md"), table);

        assertThat(results).hasSize(1 + models.size());
        assertThat(results.get(0).vad).isEqualTo("energy");
        for (Result result : results) {
            assertThat(result.frames).isEqualTo(corpus.stream().mapToLong(Clip::frames).sum());
        }
    }
}
