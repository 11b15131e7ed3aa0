package kol.provider.llm;

import kol.base.Knobs;
import kol.base.Settings;

/**
 * What every LLM dialog shares, whichever the provider.
 *
 * @param systemPrompt the model's instructions
 * @param greeting what a call opens with
 * @param firstTokenTimeoutMs how long a reply may take to its first word or action
 * @param stallTimeoutMs how long a reply may then go without a byte
 * @param historyTurns how many caller turns (each with its reply) are sent back
 */
public record LlmOptions(String systemPrompt, String greeting, int firstTokenTimeoutMs, int stallTimeoutMs,
        int historyTurns) {

    /** The LLM_* settings, with the built-in prompt and greeting for LANGUAGE where none is set. */
    public static LlmOptions fromSettings(Settings settings) {
        String language = settings.get(Knobs.LANGUAGE);
        return new LlmOptions(Prompts.systemPrompt(settings.get(Knobs.LLM_SYSTEM_PROMPT_FILE), language),
                Prompts.greeting(settings.get(Knobs.LLM_GREETING), language),
                settings.get(Knobs.LLM_FIRST_TOKEN_TIMEOUT_MS), settings.get(Knobs.LLM_STALL_TIMEOUT_MS),
                settings.get(Knobs.LLM_HISTORY_TURNS));
    }
}
