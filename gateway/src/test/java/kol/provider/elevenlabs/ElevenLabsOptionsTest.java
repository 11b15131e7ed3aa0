package kol.provider.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;

class ElevenLabsOptionsTest {

    @Test
    void refusesToStartWithoutAKeyOrAVoice() {
        assertThatThrownBy(() -> ElevenLabsOptions.fromSettings(Settings.of(Map.of("ELEVENLABS_VOICE_ID", "v"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ELEVENLABS_API_KEY is not set");
        assertThatThrownBy(() -> ElevenLabsOptions.fromSettings(Settings.of(Map.of("ELEVENLABS_API_KEY", "k"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ELEVENLABS_VOICE_ID is not set");
        assertThatThrownBy(() -> ElevenLabsOptions.fromSettings(Settings.of(Map.of("ELEVENLABS_API_KEY", "k",
                "ELEVENLABS_VOICE_ID", "../admin")))).hasMessageContaining("is not a voice id");
    }

    @Test
    void defaultsToElevenV3InHebrewOnTheOfficialEndpointAndKeepsTheKeyOutOfItsText() {
        ElevenLabsOptions options = ElevenLabsOptions.fromSettings(Settings.of(Map.of("ELEVENLABS_API_KEY",
                "sk-secret", "ELEVENLABS_VOICE_ID", "abc")));

        assertThat(options.modelId()).isEqualTo("eleven_v3");
        assertThat(options.languageCode()).isEqualTo("he");
        assertThat(options.speaksHebrew()).isTrue();
        assertThat(options.streamUri()).hasToString(
                "https://api.elevenlabs.io/v1/text-to-speech/abc/stream?output_format=ulaw_8000");
        assertThat(options.toString()).doesNotContain("sk-secret");
    }

    @Test
    void sendsALanguageCodeOnlyToModelsThatTakeOne() {
        assertThat(ElevenLabsOptions.enforcesLanguage("eleven_v3")).isTrue();
        assertThat(ElevenLabsOptions.enforcesLanguage("eleven_flash_v2_5")).isTrue();
        assertThat(ElevenLabsOptions.enforcesLanguage("eleven_multilingual_v2")).isFalse();
    }
}
