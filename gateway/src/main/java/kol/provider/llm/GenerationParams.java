package kol.provider.llm;

import java.util.OptionalDouble;
import kol.base.Knobs;
import kol.base.Setting;
import kol.base.Settings;
import kol.base.SettingsException;

/**
 * What each request asks of the model.
 *
 * @param model the model name
 * @param maxTokens the longest reply
 * @param temperature the sampling temperature, or empty for the model's default (not sent)
 */
public record GenerationParams(String model, int maxTokens, OptionalDouble temperature) {

    /**
     * Reads the model from {@code model} and the shared LLM_MAX_TOKENS and LLM_TEMPERATURE; a temperature above
     * {@code maxTemperature} (2 for OpenAI, 1 for Anthropic) stops start-up.
     */
    public static GenerationParams fromSettings(Settings settings, Setting<String> model, double maxTemperature) {
        String name = settings.get(model);
        if (name.isBlank()) {
            throw new SettingsException(model.env() + " is empty: name the model to use");
        }
        String text = settings.get(Knobs.LLM_TEMPERATURE);
        OptionalDouble temperature = OptionalDouble.empty();
        if (!text.isBlank()) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!(value >= 0 && value <= maxTemperature)) {
                throw new SettingsException("LLM_TEMPERATURE=" + text + " is not a number from 0 to " + maxTemperature
                        + " (for " + model.env() + ")");
            }
            temperature = OptionalDouble.of(value);
        }
        return new GenerationParams(name, settings.get(Knobs.LLM_MAX_TOKENS), temperature);
    }
}
