package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.speech.v1.RecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import java.util.Map;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;

class GoogleSttConfigTest {

    @Test
    void sendsHebrewAsIwIlWhateverWayItIsWritten() {
        assertThat(GoogleSttConfig.requestLanguage("he-IL")).isEqualTo("iw-IL");
        assertThat(GoogleSttConfig.requestLanguage("he")).isEqualTo("iw-IL");
        assertThat(GoogleSttConfig.requestLanguage("HE_il")).isEqualTo("iw-IL");
        assertThat(GoogleSttConfig.requestLanguage("iw-IL")).isEqualTo("iw-IL");
        assertThat(GoogleSttConfig.requestLanguage(" iw ")).isEqualTo("iw-IL");
    }

    @Test
    void sendsOtherLanguagesAsGiven() {
        assertThat(GoogleSttConfig.requestLanguage("en-US")).isEqualTo("en-US");
        assertThat(GoogleSttConfig.requestLanguage("ar-IL")).isEqualTo("ar-IL");
        assertThat(GoogleSttConfig.requestLanguage("cmn-Hans-CN")).isEqualTo("cmn-Hans-CN");
    }

    @Test
    void defaultsAreHebrewTheDefaultModelEnhancedAndGooglesEndpointOverTls() {
        GoogleSttConfig config = GoogleSttConfig.from(Settings.of(Map.of()));
        assertThat(config.language()).isEqualTo("he-IL");
        assertThat(config.languageCode()).isEqualTo("iw-IL");
        assertThat(config.model()).isEqualTo("default");
        assertThat(config.enhanced()).isTrue();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.plaintext()).isFalse();
        assertThat(config.restartMs()).isEqualTo(270_000);
        assertThat(config.stallMs()).isEqualTo(5000);
        assertThat(config.replayMaxMs()).isEqualTo(10_000);
        assertThat(config.outageFallbackMs()).isEqualTo(3000);
        assertThat(config.channels()).as("2000 MAX_CALLS at 50 a connection").isEqualTo(40);
    }

    @Test
    void aLocalEndpointIsPlaintextUnlessSaidOtherwise() {
        assertThat(config("localhost:9999", "auto").plaintext()).isTrue();
        assertThat(config("127.0.0.1:9999", "auto").plaintext()).isTrue();
        assertThat(config("[::1]:9999", "auto").plaintext()).isTrue();
        assertThat(config("eu-speech.googleapis.com:443", "auto").plaintext()).isFalse();
        assertThat(config("localhost:9999", "false").plaintext()).isFalse();
        assertThat(config("speech.internal:8080", "true").plaintext()).isTrue();
    }

    @Test
    void connectionsFollowMaxCallsWhenNotSet() {
        assertThat(GoogleSttConfig.from(Settings.of(Map.of("MAX_CALLS", "10"))).channels()).isEqualTo(1);
        assertThat(GoogleSttConfig.from(Settings.of(Map.of("MAX_CALLS", "100000"))).channels()).isEqualTo(64);
        assertThat(GoogleSttConfig.from(Settings.of(Map.of("GCP_STT_CHANNELS", "3"))).channels()).isEqualTo(3);
    }

    @Test
    void theFirstRequestCarriesTheConfigurationAndNoAudio() {
        StreamingRecognizeRequest first = GoogleSttConfig.from(Settings.of(Map.of())).configRequest();
        assertThat(first.getAudioContent().isEmpty()).isTrue();
        RecognitionConfig config = first.getStreamingConfig().getConfig();
        assertThat(config.getEncoding()).isEqualTo(RecognitionConfig.AudioEncoding.MULAW);
        assertThat(config.getSampleRateHertz()).isEqualTo(8000);
        assertThat(config.getLanguageCode()).isEqualTo("iw-IL");
        assertThat(config.getUseEnhanced()).isTrue();
        assertThat(first.getStreamingConfig().getInterimResults()).isTrue();
        assertThat(first.getStreamingConfig().getSingleUtterance()).isFalse();
    }

    @Test
    void aRestartTimeBeyondGooglesLimitIsRefusedAtStartUp() {
        assertThatThrownBy(() -> GoogleSttConfig.from(Settings.of(Map.of("GCP_STT_RESTART_MS", "305000"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GCP_STT_RESTART_MS");
    }

    private static GoogleSttConfig config(String endpoint, String plaintext) {
        return GoogleSttConfig.from(Settings.of(Map.of("GCP_STT_ENDPOINT", endpoint, "GCP_STT_PLAINTEXT", plaintext)));
    }
}
