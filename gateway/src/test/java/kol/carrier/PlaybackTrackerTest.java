package kol.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTrackerTest {

    @Test
    void echoAfterItsAudioCountsAsPlayed() {
        PlaybackTracker tracker = new PlaybackTracker();
        for (int i = 0; i < 50; i++) {
            tracker.onMediaSent();
        }
        tracker.onMarkSent("g1-s1", 100);
        MarkEcho echo = tracker.onEcho("g1-s1", 1_100);
        assertThat(echo.outcome()).isEqualTo(MarkOutcome.PLAYED);
        assertThat(echo.mediaFramesBefore()).isEqualTo(50);
        assertThat(echo.delayNs()).isEqualTo(1_000);
        assertThat(tracker.framesHeard()).isEqualTo(50);
    }

    @Test
    void marksSentBeforeAClearAreClearedNotPlayed() {
        PlaybackTracker tracker = new PlaybackTracker();
        tracker.onMediaSent();
        tracker.onMarkSent("s1", 0);
        tracker.onMediaSent();
        tracker.onMarkSent("s2", 0);
        assertThat(tracker.onEcho("s1", 10).outcome()).isEqualTo(MarkOutcome.PLAYED);
        tracker.onClearSent();
        tracker.onMediaSent();
        tracker.onMarkSent("s3", 20);
        // Twilio echoes the pending s2 at once after the clear: identical to a played echo on the wire.
        assertThat(tracker.onEcho("s2", 30).outcome()).isEqualTo(MarkOutcome.CLEARED);
        assertThat(tracker.onEcho("s3", 40).outcome()).isEqualTo(MarkOutcome.PLAYED);
        assertThat(tracker.framesHeard()).isEqualTo(3);
        assertThat(tracker.playedMarks()).isEqualTo(2);
        assertThat(tracker.clearedMarks()).isEqualTo(1);
        assertThat(tracker.generation()).isEqualTo(1);
    }

    @Test
    void unknownAndRepeatedEchoesAreUnknown() {
        PlaybackTracker tracker = new PlaybackTracker();
        tracker.onMarkSent("a", 0);
        assertThat(tracker.onEcho("nope", 1).outcome()).isEqualTo(MarkOutcome.UNKNOWN);
        assertThat(tracker.onEcho("a", 1).outcome()).isEqualTo(MarkOutcome.PLAYED);
        assertThat(tracker.onEcho("a", 2).outcome()).isEqualTo(MarkOutcome.UNKNOWN);
        assertThat(tracker.pendingMarks()).isZero();
    }
}
