package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleTtsTextTest {

    @Test
    void cutsAtSentenceEndsKeepingTheMarks() {
        assertThat(GoogleTtsText.pieces("שלום! מה שלומך? אני בסדר… תודה. 3.5 שקלים", 5000))
                .containsExactly("שלום!", "מה שלומך?", "אני בסדר…", "תודה.", "3.5 שקלים");
    }

    @Test
    void keepsEveryPieceWithinTheByteLimitCuttingAtSpaces() {
        String word = "מרפאה";
        String sentence = (word + " ").repeat(1000).strip() + ".";

        List<String> pieces = GoogleTtsText.pieces(sentence, GoogleTtsText.MAX_INPUT_BYTES);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(pieces).allSatisfy(p -> assertThat(GoogleTtsText.utf8Bytes(p)).isLessThanOrEqualTo(5000));
        assertThat(pieces).allSatisfy(p -> assertThat(p.split(" ")).allMatch(w -> w.startsWith(word)));
        assertThat(String.join(" ", pieces)).isEqualTo(sentence);
    }

    @Test
    void cutsAWordLongerThanTheLimitAtWholeCodePoints() {
        String word = "א".repeat(30) + "😀".repeat(5);

        List<String> pieces = GoogleTtsText.pieces(word, 7);

        assertThat(String.join("", pieces)).isEqualTo(word);
        assertThat(pieces).allSatisfy(p -> assertThat(GoogleTtsText.utf8Bytes(p)).isLessThanOrEqualTo(7));
    }

    @Test
    void blankTextHasNoPieces() {
        assertThat(GoogleTtsText.pieces(" \n\t ", 5000)).isEmpty();
    }
}
