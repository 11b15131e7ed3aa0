package kol.app;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import kol.carrier.CallApp;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.conversation.Conversation;
import kol.conversation.ConversationConfig;
import kol.conversation.Timers;
import kol.conversation.VoiceTracker;
import kol.provider.dialog.Dialog;
import kol.provider.dialog.DialogSession;
import kol.provider.stt.SpeechToText;
import kol.provider.tts.TextToSpeech;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import kol.tx.TxPlayer;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.LoggerFactory;

/**
 * The call application of a voice bot: one {@link Conversation} per call over the configured providers. The
 * greeting is {@code GREETING_WAV} when set, else {@code GREETING_TEXT}, else the dialog's own greeting; it ends
 * with the {@code greeting_end} mark either way.
 */
public final class ConversationApp implements CallApp {
    private final Dialog dialog;
    private final SpeechToText stt;
    private final TextToSpeech tts;
    private final Supplier<VoiceTracker> voices;
    private final ConversationConfig config;
    private final Executor producers;
    private final Timers timers;
    private final String greetingText;
    private final byte[] greetingWav;

    public ConversationApp(Dialog dialog, SpeechToText stt, TextToSpeech tts, Supplier<VoiceTracker> voices,
            ConversationConfig config, Executor producers, Timers timers, String greetingText, byte[] greetingWav) {
        this.dialog = dialog;
        this.stt = stt;
        this.tts = tts;
        this.voices = voices;
        this.config = config;
        this.producers = producers;
        this.timers = timers;
        this.greetingText = greetingText;
        this.greetingWav = greetingWav;
    }

    /** Closes the providers that hold clients (gRPC channels, HTTP clients, a loaded model); each failure is logged. */
    @Override
    public void close() {
        for (Object provider : new Object[] {stt, tts, dialog}) {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger("kol.server").warn("Closing {} failed: {}", provider.getClass()
                            .getSimpleName(), e.toString());
                }
            }
        }
    }

    @Override
    public CallListener onCall(CallSession session) {
        DialogSession dialogSession = dialog.open(session.info());
        Conversation conversation = new Conversation(session, dialogSession, stt, tts, voices.get(), config,
                producers, timers, new SystemNanoClock(), dialog.name());
        if (greetingWav != null) {
            TxPlayer.play(session.tx(), greetingWav, Frame.mark(TxLogReporter.GREETING_END), producers);
        } else {
            String text = greetingText.isBlank() ? dialogSession.greeting() : greetingText;
            conversation.greet(text);
        }
        return conversation;
    }
}
