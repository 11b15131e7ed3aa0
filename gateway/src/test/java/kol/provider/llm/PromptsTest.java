package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @Test
    void eachLanguageHasABuiltInPromptForShortSpokenRepliesAndAGreeting() {
        String hebrew = Prompts.systemPrompt("", "he-IL");
        String english = Prompts.systemPrompt("", "en-US");

        assertThat(hebrew).contains("עברית").contains("markdown").contains("hand_off").contains("hang_up");
        assertThat(english).contains("short").contains("markdown").contains("square brackets");
        assertThat(Prompts.greeting("", "he-IL")).contains("שלום");
        assertThat(Prompts.greeting("", "en-US")).startsWith("Hello");
    }

    @Test
    void theUsersFileAndGreetingWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prompt.txt");
        Files.writeString(file, "You are Dana at Smile Dental.\n", StandardCharsets.UTF_8);

        LlmOptions options = LlmOptions.fromSettings(Settings.of(Map.of("LLM_SYSTEM_PROMPT_FILE", file.toString(),
                "LLM_GREETING", "Smile Dental, Dana speaking.")));

        assertThat(options.systemPrompt()).isEqualTo("You are Dana at Smile Dental.");
        assertThat(options.greeting()).isEqualTo("Smile Dental, Dana speaking.");
        assertThat(options.firstTokenTimeoutMs()).isEqualTo(4000);
        assertThat(options.historyTurns()).isEqualTo(20);
    }

    @Test
    void aPromptFileThatCannotBeReadStopsStartUp(@TempDir Path dir) {
        assertThatThrownBy(() -> Prompts.systemPrompt(dir.resolve("missing.txt").toString(), "he-IL"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("LLM_SYSTEM_PROMPT_FILE=");
    }
}
