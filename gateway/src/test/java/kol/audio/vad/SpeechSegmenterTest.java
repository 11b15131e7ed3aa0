package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {

    private static final float SPEECH = 1f;
    private static final float SILENCE = 0f;
    /** Between the two thresholds: carries a run on, cannot start one. */
    private static final float WEAK = 0.4f;

    private final SpeechSegmenter segmenter = new SpeechSegmenter(80, 200);

    @Test
    void startsOnceSpeechHasLastedMinSpeechAndDatesTheRunFromItsFirstFrame() {
        feed(SILENCE, 3);
        List<SpeechEvent> events = feed(SPEECH, 4);

        assertThat(events).containsExactly(SpeechEvent.NONE, SpeechEvent.NONE, SpeechEvent.NONE, SpeechEvent.START);
        assertThat(segmenter.nowMs()).isEqualTo(140);
        assertThat(segmenter.speechStartMs()).isEqualTo(60);
        assertThat(segmenter.speechStartFrame()).isEqualTo(3);
        assertThat(segmenter.currentSpeechMs()).isEqualTo(80);
    }

    @Test
    void clicksShorterThanMinSpeechNeverStartATurn() {
        for (int i = 0; i < 20; i++) {
            assertThat(feed(SPEECH, 3)).doesNotContain(SpeechEvent.START);
            feed(SILENCE, 1);
        }
        assertThat(segmenter.inSpeech()).isFalse();
        assertThat(segmenter.currentSpeechMs()).isZero();
    }

    @Test
    void endsExactlyHangoverAfterTheEndOfTheLastSpeechFrame() {
        feed(SILENCE, 5);
        feed(SPEECH, 30);
        List<SpeechEvent> events = feed(SILENCE, 10);

        assertThat(events.subList(0, 9)).containsOnly(SpeechEvent.NONE);
        assertThat(events.get(9)).isEqualTo(SpeechEvent.END);
        assertThat(segmenter.lastSpeechEndMs()).isEqualTo(700);
        assertThat(segmenter.nowMs()).isEqualTo(700 + 200);
        assertThat(segmenter.lastSpeechFrame()).isEqualTo(34);
    }

    @Test
    void pausesShorterThanHangoverKeepTheTurnAndItsLength() {
        feed(SPEECH, 10);
        assertThat(feed(SILENCE, 9)).containsOnly(SpeechEvent.NONE);
        assertThat(segmenter.currentSpeechMs()).isEqualTo(200);

        assertThat(feed(SPEECH, 5)).containsOnly(SpeechEvent.NONE);

        assertThat(segmenter.inSpeech()).isTrue();
        assertThat(segmenter.currentSpeechMs()).isEqualTo(24 * 20);
    }

    @Test
    void weakFramesCarryARunOnButCannotStartOne() {
        assertThat(feed(WEAK, 50)).doesNotContain(SpeechEvent.START);

        feed(SPEECH, 4);
        assertThat(feed(WEAK, 20)).containsOnly(SpeechEvent.NONE);
        assertThat(segmenter.inSpeech()).isTrue();
    }

    @Test
    void weakFramesJustBeforeAStartAreTheRunsLeadIn() {
        feed(SILENCE, 2);
        feed(WEAK, 3);
        feed(SPEECH, 4);

        assertThat(segmenter.speechStartMs()).isEqualTo(40);
        assertThat(segmenter.currentSpeechMs()).isEqualTo(7 * 20);
    }

    @Test
    void roundsDurationsUpToWholeFramesAndRejectsLessThanOne() {
        SpeechSegmenter odd = new SpeechSegmenter(70, 210);
        assertThat(odd.minSpeechMs()).isEqualTo(80);
        assertThat(odd.hangoverMs()).isEqualTo(220);
        assertThatThrownBy(() -> new SpeechSegmenter(0, 200)).hasMessageContaining("minSpeechMs");
        assertThatThrownBy(() -> new SpeechSegmenter(80, 10)).hasMessageContaining("hangoverMs");
    }

    @Test
    void resetStartsTimeAndStateAfresh() {
        feed(SPEECH, 10);
        segmenter.reset();

        assertThat(segmenter.framesFed()).isZero();
        assertThat(segmenter.inSpeech()).isFalse();
        assertThat(segmenter.speechStartMs()).isEqualTo(-1);
        assertThat(feed(SPEECH, 4)).endsWith(SpeechEvent.START);
        assertThat(segmenter.speechStartMs()).isZero();
    }

    @Test
    void aSegmenterWithoutADetectorMustBeFedProbabilities() {
        assertThatThrownBy(() -> segmenter.onFrame(new short[160], 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void drivesItsDetectorFrameByFrame() {
        SpeechSegmenter driven = new SpeechSegmenter(new EnergyVad(), 80, 200);
        short[] silence = new short[VoiceActivityDetector.FRAME_SAMPLES];
        for (int i = 0; i < 50; i++) {
            assertThat(driven.onFrame(silence, 0)).isEqualTo(SpeechEvent.NONE);
        }
        assertThat(driven.nowMs()).isEqualTo(1000);
    }

    /** Whatever the frames, START and END alternate, and each END comes exactly hangover after its run. */
    @Property
    void everyEndComesExactlyHangoverAfterItsRunsLastSpeechFrame(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2) Integer> frames) {
        SpeechSegmenter s = new SpeechSegmenter(60, 100);
        float[] levels = {SILENCE, WEAK, SPEECH};
        List<SpeechEvent> events = new ArrayList<>();
        for (int level : frames) {
            SpeechEvent event = s.onProbability(levels[level]);
            if (event == SpeechEvent.END) {
                assertThat(s.nowMs()).isEqualTo(s.lastSpeechEndMs() + 100);
            }
            if (event == SpeechEvent.START) {
                assertThat(s.currentSpeechMs()).isGreaterThanOrEqualTo(60);
            }
            if (event != SpeechEvent.NONE) {
                events.add(event);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i)).isEqualTo(i % 2 == 0 ? SpeechEvent.START : SpeechEvent.END);
        }
    }

    private List<SpeechEvent> feed(float probability, int frames) {
        List<SpeechEvent> events = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            events.add(segmenter.onProbability(probability));
        }
        return events;
    }
}
