package kol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kol.base.Knobs;
import kol.base.Setting;
import org.junit.jupiter.api.Test;

/** The README's settings table is the one generated from the declarations: no setting undocumented, no drift. */
class ReadmeSettingsTest {

    @Test
    void readmeCarriesTheGeneratedSettingsTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = SettingsCommand.markdownTable();
        assertThat(readme).as("README settings table; regenerate with ./kol settings --markdown").contains(table);
        for (Setting<?> setting : Knobs.all()) {
            assertThat(table).contains("| `" + setting.env() + "` |");
        }
    }
}
