package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordTest {

    private static boolean heard(String keyword, String speech) {
        return Keyword.of(keyword).foundIn(Words.of(speech));
    }

    @Test
    void matchesHebrewKeywordBehindOneOrMorePrefixes() {
        assertThat(heard("תור", "אני רוצה לתור")).isTrue();
        assertThat(heard("תור", "והתור שלי")).isTrue();
        assertThat(heard("תור", "כשהתור יגיע")).isTrue();
        assertThat(heard("תור", "ומהתור")).isTrue();
        assertThat(heard("פתיחה", "מה שעות הפתיחה")).isTrue();
    }

    @Test
    void doesNotTakeOtherLettersForPrefixes() {
        assertThat(heard("תור", "סתור")).isFalse();
        assertThat(heard("תור", "תורים")).isFalse();
        assertThat(heard("שוב", "חשוב מאוד")).isFalse();
    }

    @Test
    void matchesShortHebrewWordsOnlyWhole() {
        assertThat(heard("כן", "כן, בבקשה")).isTrue();
        assertThat(heard("כן", "לכן התקשרתי")).isFalse();
        assertThat(heard("לא", "אולי")).isFalse();
    }

    @Test
    void ignoresNiqqudOnEitherSide() {
        assertThat(heard("תור", "לְתוֹר")).isTrue();
        assertThat(heard("שָׁלוֹם", "שלום")).isTrue();
        assertThat(heard("בוקר", "בַּבּוֹקֶר")).isTrue();
    }

    @Test
    void ignoresPunctuationAndJoinsAbbreviations() {
        assertThat(heard("אחה\"צ", "אחה״צ, בבקשה!")).isTrue();
        assertThat(heard("אחה\"צ", "אחהצ")).isTrue();
        assertThat(heard("נציג", "נציג?!")).isTrue();
        assertThat(heard("בית-חולים", "בית חולים")).isTrue();
    }

    @Test
    void matchesPhrasesAsConsecutiveWords() {
        assertThat(heard("בן אדם", "אני רוצה לדבר עם בן אדם")).isTrue();
        assertThat(heard("בן אדם", "בן של אדם")).isFalse();
        assertThat(heard("say that again", "Could you SAY that again?")).isTrue();
    }

    @Test
    void matchesEnglishWholeWordsWithoutCaseOrApostrophes() {
        assertThat(heard("book", "I'd like to BOOK a visit")).isTrue();
        assertThat(heard("book", "booking")).isFalse();
        assertThat(heard("didn't hear", "sorry I didnt hear")).isTrue();
        assertThat(heard("cafe", "Café")).isTrue();
    }
}
