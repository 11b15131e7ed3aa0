package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;

class GoogleTtsOptionsTest {

    private static GoogleTtsOptions options(String endpoint) {
        return new GoogleTtsOptions("he-IL-Wavenet-A", "he-IL", 1.0, endpoint, 1000);
    }

    @Test
    void defaultsToAHebrewWavenetVoiceOnGooglesEndpoint() {
        GoogleTtsOptions options = GoogleTtsOptions.fromSettings(Settings.of(Map.of()));

        assertThat(options.voice()).isEqualTo("he-IL-Wavenet-A");
        assertThat(options.languageCode()).isEqualTo("he-IL");
        assertThat(options.speakingRate()).isEqualTo(1.0);
        assertThat(options.streaming()).isFalse();
        assertThat(options.target()).isEqualTo("texttospeech.googleapis.com:443");
        assertThat(options.localEndpoint()).isFalse();
    }

    @Test
    void onlyChirp3HdVoicesStream() {
        assertThat(new GoogleTtsOptions("he-IL-Chirp3-HD-Aoede", "he-IL", 1, "", 1).streaming()).isTrue();
        assertThat(new GoogleTtsOptions("he-IL-Standard-B", "he-IL", 1, "", 1).streaming()).isFalse();
    }

    @Test
    void treatsOnlyThisMachineAsALocalPlaintextEndpoint() {
        assertThat(options("localhost:8085").localEndpoint()).isTrue();
        assertThat(options("127.0.0.1:8085").localEndpoint()).isTrue();
        assertThat(options("[::1]:8085").localEndpoint()).isTrue();
        assertThat(options("eu-texttospeech.googleapis.com:443").localEndpoint()).isFalse();
        assertThat(options("localhost.example.com:443").localEndpoint()).isFalse();
    }

    @Test
    void refusesASpeakingRateGoogleWouldRefuse() {
        assertThatThrownBy(() -> GoogleTtsOptions.fromSettings(Settings.of(Map.of("GCP_TTS_SPEAKING_RATE", "fast"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GCP_TTS_SPEAKING_RATE=fast");
        assertThatThrownBy(() -> GoogleTtsOptions.fromSettings(Settings.of(Map.of("GCP_TTS_SPEAKING_RATE", "5"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("0.25–4.0");
    }
}
