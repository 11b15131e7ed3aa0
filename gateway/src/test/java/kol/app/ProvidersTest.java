package kol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.provider.flow.FlowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up choices: a bad flow file or a provider that is not there stops Kol with a message that says why. */
class ProvidersTest {

    @Test
    void aBadFlowFileStopsStartUpWithTheLineAndTheReason(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("broken.yaml");
        Files.writeString(flow, String.join("\n",
                "language: en-US",
                "greeting: Hello.",
                "start: menu",
                "nodes:",
                "  menu:",
                "    prompt: Press one.",
                "    unrecognised: Please press a key.",
                "    fallback: Sorry.",
                "    intents:",
                "      - dtmf: 1",
                "        reply: Going on.",
                "        goto: nowhere",
                ""));
        Settings settings = Settings.of(Map.of("FLOW_FILE", flow.toString(), "LANGUAGE", "en-US"));
        assertThatThrownBy(() -> Providers.conversationApp(settings, Executors.newSingleThreadExecutor()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("broken.yaml:12:")
                .hasMessageContaining("nowhere");
    }

    @Test
    void anUnknownProviderValueIsRefusedByTheSettings() {
        Settings settings = Settings.of(Map.of("TTS_PROVIDER", "festival"));
        assertThatThrownBy(settings::validateAll).isInstanceOf(SettingsException.class)
                .hasMessageContaining("TTS_PROVIDER=festival").hasMessageContaining("espeak");
    }

    @Test
    void theEnglishDefaultStartsToo() throws Exception {
        Settings settings = Settings.of(Map.of("LANGUAGE", "en-US"));
        assertThat(Providers.conversationApp(settings, Executors.newSingleThreadExecutor())).isNotNull();
    }
}
