package kol.provider.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EspeakOptionsTest {

    @Test
    void mapsHebrewAndEnglishLanguageTagsToVoices() {
        for (String hebrew : List.of("he-IL", "he", "he_IL", "iw-IL", " HE-il ")) {
            assertThat(EspeakOptions.voiceFor(hebrew)).as(hebrew).isEqualTo("he");
        }
        for (String english : List.of("en-US", "en", "en_us")) {
            assertThat(EspeakOptions.voiceFor(english)).as(english).isEqualTo("en-us");
        }
        assertThat(EspeakTts.forLanguage("he-IL").options()).isEqualTo(EspeakOptions.forVoice("he"));
    }

    @Test
    void rejectsALanguageWithNoVoiceChosen() {
        assertThatThrownBy(() -> EspeakTts.forLanguage("fr-FR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no espeak-ng voice chosen for language 'fr-FR'; supported: he-IL, en-US");
    }

    @Test
    void commandReadsUtf8TextFromStdinAndNeverCarriesIt() {
        EspeakOptions options = EspeakOptions.forVoice("he").withWordsPerMinute(160).withPitch(40);

        assertThat(options.synthesisCommand()).containsExactly(
                "espeak-ng", "-v", "he", "-s", "160", "-p", "40", "-b", "1", "--stdin", "--stdout");
    }

    @Test
    void defaultsToEspeaksOwnRateAndPitch() {
        EspeakOptions options = EspeakOptions.forVoice("en-us");

        assertThat(options.executable()).isEqualTo("espeak-ng");
        assertThat(options.wordsPerMinute()).isEqualTo(175);
        assertThat(options.pitch()).isEqualTo(50);
        assertThat(options.stallTimeoutMs()).isEqualTo(3_000);
    }

    @Test
    void rejectsSpeedPitchAndTimeoutOutOfRange() {
        EspeakOptions options = EspeakOptions.forVoice("he");

        assertThatThrownBy(() -> options.withWordsPerMinute(79)).hasMessageContaining("80–450");
        assertThatThrownBy(() -> options.withWordsPerMinute(451)).hasMessageContaining("80–450");
        assertThatThrownBy(() -> options.withPitch(-1)).hasMessageContaining("0–99");
        assertThatThrownBy(() -> options.withPitch(100)).hasMessageContaining("0–99");
        assertThatThrownBy(() -> options.withStallTimeoutMs(0)).hasMessageContaining("positive");
        assertThat(options.withWordsPerMinute(80).withPitch(0).withPitch(99).withWordsPerMinute(450)).isNotNull();
    }

    @Test
    void rejectsVoicesThatWouldReadAsOptions() {
        EspeakOptions options = EspeakOptions.forVoice("he");

        for (String voice : List.of("", " ", "-q", "--stdout", "he --stdout")) {
            assertThatThrownBy(() -> options.withVoice(voice)).as(voice)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> options.withExecutable(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
