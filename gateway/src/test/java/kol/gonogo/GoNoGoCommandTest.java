package kol.gonogo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kol.cli.GoNoGoCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GoNoGoCommandTest {
    private static final String GOOD = "CA11111111111111111111111111111111";
    private static final String BAD = "CA22222222222222222222222222222222";

    @TempDir
    Path dir;

    private Path log(TxLog log) throws IOException {
        return Files.write(dir.resolve("kol.log"), log.lines());
    }

    private static int run(String... args) {
        return new CommandLine(new GoNoGoCommand()).execute(args);
    }

    @Test
    void exitsZeroWhenEveryCallIsGo() throws IOException {
        assertThat(run(log(new TxLog().healthy(GOOD)).toString())).isZero();
    }

    @Test
    void exitsOneWhenAnyCallIsNoGoUnlessRestrictedToAGoodCall() throws IOException {
        Path file = log(new TxLog().healthy(GOOD).speech(BAD, 3));

        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(run(file.toString(), "--call", GOOD)).isZero();
        assertThat(run(file.toString(), "--call", BAD)).isEqualTo(1);
    }

    @Test
    void exitsOneWhenNoCallIsFound() throws IOException {
        Path file = log(new TxLog().healthy(GOOD));

        assertThat(run(Files.writeString(dir.resolve("empty.log"), "nothing here\n").toString())).isEqualTo(1);
        assertThat(run(file.toString(), "--call", "CAunknown")).isEqualTo(1);
    }

    @Test
    void exitsTwoForAnUnreadableFile() {
        assertThat(run(dir.resolve("missing.log").toString())).isEqualTo(2);
    }

    @Test
    void writesTheVerdictsAsJson() throws IOException {
        Path json = dir.resolve("verdicts.json");

        run(log(new TxLog().healthy(GOOD).speech(BAD, 3)).toString(), "--json", json.toString());

        JsonObject root = new JsonObject(Files.readString(json));
        assertThat(root.getString("verdict")).isEqualTo("NO-GO");
        assertThat(root.getJsonArray("calls")).hasSize(2);
        assertThat(root.getJsonArray("calls").getJsonObject(1).getJsonArray("reasons").getString(0))
                .isEqualTo("no [TX] greeting_end");
    }
}
