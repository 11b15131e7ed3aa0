package kol.provider.openai;

import kol.base.Knobs;
import kol.base.Settings;
import kol.provider.dialog.Dialog;
import kol.provider.llm.GenerationParams;
import kol.provider.llm.LlmDialog;
import kol.provider.llm.LlmOptions;
import kol.provider.llm.ServiceAddress;

/** DIALOG_PROVIDER=openai: a dialog on any OpenAI-compatible chat-completions API. */
public final class OpenAiDialog {
    /** OpenAI allows temperatures up to 2. */
    private static final double MAX_TEMPERATURE = 2.0;

    private OpenAiDialog() {
    }

    /**
     * The dialog the settings describe (OPENAI_*, LLM_*).
     *
     * @throws kol.base.SettingsException when the key is missing for a server not on this machine, a setting is
     *     unusable, or the system prompt file cannot be read
     */
    public static Dialog fromSettings(Settings settings) {
        ServiceAddress address = ServiceAddress.fromSettings(settings, Knobs.OPENAI_BASE_URL, Knobs.OPENAI_API_KEY,
                "DIALOG_PROVIDER=openai");
        GenerationParams params = GenerationParams.fromSettings(settings, Knobs.OPENAI_MODEL, MAX_TEMPERATURE);
        return LlmDialog.create(new OpenAiChatEndpoint(address, params), LlmOptions.fromSettings(settings));
    }
}
