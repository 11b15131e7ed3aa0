package kol.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kol.base.Settings;
import kol.carrier.CallInfo;
import kol.conversation.ConversationConfig;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.dialog.Dialog;
import kol.provider.flow.FlowDialog;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;
import org.junit.jupiter.api.Test;

/** The conversation application releases its providers' clients when Kol shuts down. */
class ConversationAppTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void closingTheAppClosesEveryProviderThatHoldsAClientEvenWhenOneFails() {
        Dialog dialog = FlowDialog.builtIn("he-IL");
        ConversationApp app = new ConversationApp(dialog, new ClosingStt(), new ClosingTts(), () -> null,
                ConversationConfig.from(Settings.of(Map.of())), Runnable::run,
                (delayMs, task) -> () -> {
                }, "", null);

        app.close();

        assertThat(closed).containsExactly("stt", "tts");
    }

    private final class ClosingStt implements SpeechToText, AutoCloseable {
        @Override
        public SttStream open(CallInfo call, SttListener listener) {
            throw new UnsupportedOperationException("no call in this test");
        }

        @Override
        public boolean recognisesWords() {
            return true;
        }

        @Override
        public String name() {
            return "closing-stt";
        }

        @Override
        public void close() {
            closed.add("stt");
            throw new IllegalStateException("the channel was already shut down");
        }
    }

    private final class ClosingTts implements TextToSpeech, AutoCloseable {
        @Override
        public AudioFormat format() {
            return AudioFormat.MULAW_8K;
        }

        @Override
        public Cancellable synthesize(String text, TtsListener listener) {
            throw new UnsupportedOperationException("no call in this test");
        }

        @Override
        public String name() {
            return "closing-tts";
        }

        @Override
        public void close() {
            closed.add("tts");
        }
    }
}
