package kol.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import kol.audio.vad.VadFactory;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;
import kol.conversation.ConversationConfig;
import kol.conversation.Timers;
import kol.conversation.VadVoiceTracker;
import kol.conversation.VoiceTracker;
import kol.provider.anthropic.AnthropicDialog;
import kol.provider.dialog.Dialog;
import kol.provider.elevenlabs.ElevenLabsTts;
import kol.provider.espeak.EspeakCheck;
import kol.provider.espeak.EspeakTts;
import kol.provider.flow.FlowDialog;
import kol.provider.google.GoogleStt;
import kol.provider.google.GoogleTts;
import kol.provider.openai.OpenAiDialog;
import kol.provider.openai.OpenAiTts;
import kol.provider.stt.SpeechToText;
import kol.provider.tts.TextToSpeech;
import kol.provider.ttscache.TtsCache;
import kol.provider.vadonly.VadOnlyStt;
import kol.provider.whisper.WhisperStt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the providers the settings name and builds the conversation application: the only place that does. */
public final class Providers {
    private static final Logger LOG = LoggerFactory.getLogger("kol.server");

    private Providers() {
    }

    /** The conversation application for {@code settings}; a provider that cannot start stops start-up. */
    public static ConversationApp conversationApp(Settings settings, ExecutorService producers) throws IOException {
        String language = settings.get(Knobs.LANGUAGE);
        Dialog dialog = dialog(settings, language);
        SpeechToText stt = stt(settings);
        ConversationConfig config = ConversationConfig.from(settings);
        String greetingText = settings.get(Knobs.GREETING_TEXT).isBlank()
                ? dialog.open(null).greeting() : settings.get(Knobs.GREETING_TEXT);
        // The greeting and the fallback lines are said again and again: a cloud voice renders them once.
        TextToSpeech tts = tts(settings, language, Set.of(greetingText, config.fallbackText(),
                config.outageText()));
        Supplier<VoiceTracker> voices = voices(settings);
        String wav = settings.get(Knobs.GREETING_WAV);
        byte[] greetingWav = wav.isBlank() ? null : GreetingApp.loadGreeting(wav);
        Timers timers = Timers.of(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kol-timers");
            thread.setDaemon(true);
            return thread;
        }));
        LOG.info("Providers: stt={} dialog={} tts={} language={}", stt.name(), dialog.name(), tts.name(), language);
        return new ConversationApp(dialog, stt, tts, voices, config, producers, timers,
                settings.get(Knobs.GREETING_TEXT), greetingWav);
    }

    static Dialog dialog(Settings settings, String language) throws IOException {
        switch (settings.get(Knobs.DIALOG_PROVIDER)) {
            case "openai":
                return OpenAiDialog.fromSettings(settings);
            case "anthropic":
                return AnthropicDialog.fromSettings(settings);
            default: {
                String file = settings.get(Knobs.FLOW_FILE);
                return file.isBlank() ? FlowDialog.builtIn(language) : FlowDialog.load(Path.of(file));
            }
        }
    }

    static SpeechToText stt(Settings settings) throws IOException {
        switch (settings.get(Knobs.STT_PROVIDER)) {
            case "google":
                return GoogleStt.fromSettings(settings);
            case "whisper":
                if (settings.get(Knobs.ENABLE_STREAMING_STT)) {
                    throw new SettingsException("STT_PROVIDER=whisper transcribes whole utterances: set "
                            + "ENABLE_STREAMING_STT=false");
                }
                return WhisperStt.fromSettings(settings);
            case "none":
                LOG.info("No speech recogniser is configured (STT_PROVIDER=none): Kol hears when the caller speaks "
                        + "(turn-taking and barge-in run on the VAD) but understands no words; the flow runs on "
                        + "DTMF. Set STT_PROVIDER=google (or whisper) for words: see the README.");
                return new VadOnlyStt();
            default:
                throw new SettingsException("STT_PROVIDER=" + settings.get(Knobs.STT_PROVIDER) + " is unknown");
        }
    }

    static TextToSpeech tts(Settings settings, String language, Set<String> fixedPhrases) throws IOException {
        switch (settings.get(Knobs.TTS_PROVIDER)) {
            case "google": {
                GoogleTts google = GoogleTts.fromSettings(settings);
                return TtsCache.wrap(settings, google, google.voiceKey(), fixedPhrases);
            }
            case "elevenlabs": {
                ElevenLabsTts elevenLabs = ElevenLabsTts.fromSettings(settings);
                return TtsCache.wrap(settings, elevenLabs, elevenLabs.voiceKey(), fixedPhrases);
            }
            case "openai": {
                OpenAiTts openAi = OpenAiTts.fromSettings(settings, settings.get(Knobs.OPENAI_API_KEY),
                        settings.get(Knobs.OPENAI_BASE_URL));
                return TtsCache.wrap(settings, openAi, openAi.voiceKey(), fixedPhrases);
            }
            case "espeak": {
                EspeakTts tts = EspeakTts.forLanguage(language);
                EspeakCheck check = tts.check();
                if (!check.ok()) {
                    throw new SettingsException("TTS_PROVIDER=espeak: " + check.message());
                }
                return tts;
            }
            default:
                throw new SettingsException("TTS_PROVIDER=" + settings.get(Knobs.TTS_PROVIDER) + " is unknown");
        }
    }

    static Supplier<VoiceTracker> voices(Settings settings) {
        int hangoverMs = settings.get(Knobs.VAD_HANGOVER_MS);
        VadFactory factory = settings.get(Knobs.VAD).equals("silero")
                ? VadFactory.forModel(Path.of(settings.get(Knobs.VAD_MODEL))) : VadFactory.energy();
        return () -> new VadVoiceTracker(factory.create(), hangoverMs);
    }
}
