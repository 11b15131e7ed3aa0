package kol.provider.anthropic;

import kol.base.Knobs;
import kol.base.Settings;
import kol.provider.dialog.Dialog;
import kol.provider.llm.GenerationParams;
import kol.provider.llm.LlmDialog;
import kol.provider.llm.LlmOptions;
import kol.provider.llm.ServiceAddress;

/** DIALOG_PROVIDER=anthropic: a dialog on Anthropic's Messages API. */
public final class AnthropicDialog {
    /** The Messages API takes temperatures from 0 to 1. */
    private static final double MAX_TEMPERATURE = 1.0;

    private AnthropicDialog() {
    }

    /**
     * The dialog the settings describe (ANTHROPIC_*, LLM_*).
     *
     * @throws kol.base.SettingsException when the key is missing for a server not on this machine, a setting is
     *     unusable, or the system prompt file cannot be read
     */
    public static Dialog fromSettings(Settings settings) {
        ServiceAddress address = ServiceAddress.fromSettings(settings, Knobs.ANTHROPIC_BASE_URL,
                Knobs.ANTHROPIC_API_KEY, "DIALOG_PROVIDER=anthropic");
        GenerationParams params = GenerationParams.fromSettings(settings, Knobs.ANTHROPIC_MODEL, MAX_TEMPERATURE);
        return LlmDialog.create(new AnthropicMessagesEndpoint(address, params), LlmOptions.fromSettings(settings));
    }
}
