package kol.conversation;

import kol.base.Knobs;
import kol.base.Settings;

/**
 * Turn-taking settings.
 *
 * @param streamingStt {@code ENABLE_STREAMING_STT}
 * @param sttBatchMs {@code STT_BATCH_MS}
 * @param partialDebounceMs {@code STT_PARTIAL_DEBOUNCE_MS}
 * @param endOfTurn {@code END_OF_TURN}: vad, stt or either
 * @param refractoryMs {@code REPLY_REFRACTORY_MS}
 * @param bargeIn {@code BARGE_IN}
 * @param bargeInMinMs {@code BARGE_IN_MIN_MS}
 * @param utteranceFinalWaitMs in utterance mode, how long to wait for the recogniser's final after end of speech
 * @param language {@code LANGUAGE}, for the fallback lines
 */
public record ConversationConfig(boolean streamingStt, int sttBatchMs, int partialDebounceMs, String endOfTurn,
        int refractoryMs, boolean bargeIn, int bargeInMinMs, int utteranceFinalWaitMs, String language) {

    public static ConversationConfig from(Settings settings) {
        return new ConversationConfig(settings.get(Knobs.ENABLE_STREAMING_STT), settings.get(Knobs.STT_BATCH_MS),
                settings.get(Knobs.STT_PARTIAL_DEBOUNCE_MS), settings.get(Knobs.END_OF_TURN),
                settings.get(Knobs.REPLY_REFRACTORY_MS), settings.get(Knobs.BARGE_IN),
                settings.get(Knobs.BARGE_IN_MIN_MS), 3000, settings.get(Knobs.LANGUAGE));
    }

    public static ConversationConfig defaults() {
        return new ConversationConfig(true, 50, 100, "vad", 1100, true, 300, 3000, "he-IL");
    }

    public ConversationConfig withEndOfTurn(String mode) {
        return new ConversationConfig(streamingStt, sttBatchMs, partialDebounceMs, mode, refractoryMs, bargeIn,
                bargeInMinMs, utteranceFinalWaitMs, language);
    }

    public ConversationConfig withStreamingStt(boolean streaming) {
        return new ConversationConfig(streaming, sttBatchMs, partialDebounceMs, endOfTurn, refractoryMs, bargeIn,
                bargeInMinMs, utteranceFinalWaitMs, language);
    }

    /** What the bot says when speech recognition is down. */
    public String outageText() {
        return outageLine();
    }

    /** What the bot says when the dialog fails. */
    public String fallbackText() {
        return fallbackLine();
    }

    String outageLine() {
        return language.startsWith("he") ? "סליחה, אני מתקשה לשמוע כרגע. אפשר להקיש על המקשים."
                : "Sorry, I'm having trouble hearing you right now. You can use the keypad.";
    }

    /** What the bot says when the dialog fails. */
    String fallbackLine() {
        return language.startsWith("he") ? "סליחה, משהו השתבש. אפשר לנסות שוב?"
                : "Sorry, something went wrong. Could you try again?";
    }
}
