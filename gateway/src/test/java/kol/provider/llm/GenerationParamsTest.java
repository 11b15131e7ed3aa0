package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;

class GenerationParamsTest {

    @Test
    void noTemperatureMeansTheModelsOwnDefault() {
        GenerationParams params = GenerationParams.fromSettings(Settings.of(Map.of()), Knobs.OPENAI_MODEL, 2);

        assertThat(params.model()).isEqualTo("gpt-4o-mini");
        assertThat(params.maxTokens()).isEqualTo(300);
        assertThat(params.temperature()).isEmpty();
    }

    @Test
    void aTemperatureIsReadAsADecimalWithinTheProvidersRange() {
        Settings settings = Settings.of(Map.of("LLM_TEMPERATURE", "1.5"));

        assertThat(GenerationParams.fromSettings(settings, Knobs.OPENAI_MODEL, 2).temperature()).hasValue(1.5);
        assertThatThrownBy(() -> GenerationParams.fromSettings(settings, Knobs.ANTHROPIC_MODEL, 1))
                .isInstanceOf(SettingsException.class).hasMessageContaining("from 0 to 1.0");
        assertThatThrownBy(() -> GenerationParams.fromSettings(Settings.of(Map.of("LLM_TEMPERATURE", "warm")),
                Knobs.OPENAI_MODEL, 2)).isInstanceOf(SettingsException.class).hasMessageContaining("warm");
    }
}
