package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import kol.audio.Tones;
import org.junit.jupiter.api.Test;

class ResponseLatencyTest {

    private static byte[] timeline(int... msSpeechThenSilence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < msSpeechThenSilence.length; i++) {
            int ms = msSpeechThenSilence[i];
            out.writeBytes(i % 2 == 0 ? Tones.sineMuLaw(400, -15, ms) : Tones.silenceMuLaw(ms));
        }
        return out.toByteArray();
    }

    @Test
    void findsTheEndOfEachUtteranceAndIgnoresShortPauses() {
        byte[] caller = timeline(1000, 200, 500, 2000, 800, 1000);
        assertThat(ResponseLatency.utteranceEndsMs(caller)).containsExactly(1700L, 4500L);
    }

    @Test
    void measuresFromTheEndOfSpeechToTheFirstBotFrameAfterIt() {
        List<Long> ends = List.of(1700L, 4500L, 9000L);
        List<Long> bot = List.of(2030L, 2050L, 2070L, 4480L, 4840L, 4860L);
        // 1700 → 2030; at 4500 the bot was still talking (4480), so that utterance does not count; 9000 unanswered.
        assertThat(ResponseLatency.responsesMs(ends, bot)).containsExactly(330L);
    }
}
