package kol.provider.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kol.audio.G711;
import org.junit.jupiter.api.Test;

class WhisperAudioTest {

    @Test
    void doublesTheRateAndKeepsTheTone() {
        byte[] ulaw = new byte[16_000];
        for (int i = 0; i < ulaw.length; i++) {
            ulaw[i] = G711.encode((short) (8000 * Math.sin(2 * Math.PI * 500 * i / 8000.0)));
        }

        float[] samples = WhisperAudio.fromMulaw(ulaw, ulaw.length);

        assertThat(samples.length).isBetween(32_000, 32_200);
        int crossings = 0;
        for (int i = 1000; i < 31_000; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings).as("500 Hz over 30000 samples at 16 kHz").isBetween(935, 940);
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).isBetween(0.22f, 0.27f);
    }

    @Test
    void padsShortInputWithSilence() {
        byte[] silence = new byte[800];
        Arrays.fill(silence, G711.SILENCE);

        float[] samples = WhisperAudio.fromMulaw(silence, silence.length);

        assertThat(samples).hasSize(WhisperAudio.MIN_SAMPLES);
        assertThat(samples).containsOnly(0f);
    }
}
