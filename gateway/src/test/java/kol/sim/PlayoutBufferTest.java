package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The playout on hand-given times: no sleeps, exact samples. */
class PlayoutBufferTest {
    private static final long MS = 1_000_000L;
    private static final long ORIGIN = 5_000 * MS;

    private final List<String> echoed = new ArrayList<>();
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final PlayoutSink recorder = new PlayoutSink() {
        @Override
        public void play(byte[] muLaw, int off, int len) {
            heard.write(muLaw, off, len);
        }

        @Override
        public void silence(long samples) {
            for (long i = 0; i < samples; i++) {
                heard.write(0xFF);
            }
        }
    };
    private final PlayoutBuffer buffer = new PlayoutBuffer(ORIGIN, 20, recorder, echoed::add);

    private static byte[] frame(int value) {
        byte[] frame = new byte[160];
        Arrays.fill(frame, (byte) value);
        return frame;
    }

    private static long at(long ms) {
        return ORIGIN + ms * MS;
    }

    @Test
    void pacedFramesKeepTheBufferShallowAndNeverRunDry() {
        for (int i = 0; i < 250; i++) {
            // Arrival jitter of ±3 ms around the 20 ms grid.
            buffer.onMedia(frame(1), at(100 + 20L * i + (i % 2 == 0 ? 3 : -3)));
        }

        assertThat(buffer.maxDepthMs()).isBetween(40L, 60L);
        assertThat(buffer.underruns()).isZero();
    }

    @Test
    void aBurstShowsAsADeepBufferTheSizeOfTheBurst() {
        for (int i = 0; i < 500; i++) {
            buffer.onMedia(frame(1), at(100));
        }

        assertThat(buffer.maxDepthMs()).isEqualTo(10_000 + 20);
        assertThat(buffer.depthMs(at(5_100))).isEqualTo(5_020);
    }

    @Test
    void aMarkIsEchoedOnlyOnceTheAudioBeforeItHasPlayed() {
        for (int i = 0; i < 5; i++) {
            buffer.onMedia(frame(1), at(100));
        }
        buffer.onMark("reply_end", at(100));

        // 20 ms jitter buffer, then 100 ms of audio: due at 220 ms.
        assertThat(buffer.nextMarkDueNs()).isEqualTo(at(220));
        buffer.advance(at(219));
        assertThat(echoed).isEmpty();
        buffer.advance(at(220));
        assertThat(echoed).containsExactly("reply_end");
        assertThat(buffer.echoes()).containsExactly(new MarkEcho("reply_end", 120, false));
        assertThat(buffer.nextMarkDueNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void audioAfterAMarkDoesNotDelayItsEcho() {
        buffer.onMedia(frame(1), at(100));
        buffer.onMark("first", at(100));
        buffer.onMedia(frame(2), at(110));
        buffer.onMark("second", at(110));

        buffer.advance(at(140));
        assertThat(echoed).containsExactly("first");
        buffer.advance(at(160));
        assertThat(echoed).containsExactly("first", "second");
    }

    @Test
    void aMarkWithNothingBufferedIsEchoedAtOnce() {
        buffer.onMark("idle", at(300));

        assertThat(echoed).containsExactly("idle");
        assertThat(buffer.echoes()).containsExactly(new MarkEcho("idle", 0, false));
    }

    @Test
    void clearEmptiesTheBufferAndReleasesEveryPendingMarkAtOnce() {
        for (int i = 0; i < 50; i++) {
            buffer.onMedia(frame(1), at(100));
        }
        buffer.onMark("a", at(100));
        buffer.onMedia(frame(1), at(100));
        buffer.onMark("b", at(100));

        buffer.onClear(at(300));

        assertThat(echoed).containsExactly("a", "b");
        assertThat(buffer.echoes()).containsExactly(new MarkEcho("a", 200, true), new MarkEcho("b", 200, true));
        assertThat(buffer.depthMs(at(300))).isZero();
        assertThat(buffer.clears()).isEqualTo(1);
        // Speech after a clear is a new utterance, not a gap in the old one.
        buffer.onMedia(frame(1), at(350));
        assertThat(buffer.underruns()).isZero();
    }

    @Test
    void audioReturningWithinTwoHundredMillisecondsOfRunningDryIsAnUnderrun() {
        buffer.onMedia(frame(1), at(100));
        // Played 120..140 ms; back 100 ms later: the caller heard a gap mid-utterance.
        buffer.onMedia(frame(1), at(240));
        // Played 260..280 ms; back 300 ms later: a new utterance.
        buffer.onMedia(frame(1), at(580));

        assertThat(buffer.underruns()).isEqualTo(1);
    }

    @Test
    void recordsWhatTheCallerHeardWithSilenceWhereNothingPlayed() {
        buffer.onMedia(frame(7), at(100));
        buffer.onMedia(frame(8), at(105));
        buffer.advance(at(1_000));

        byte[] audio = heard.toByteArray();
        assertThat(audio).hasSize(8_000);
        // Silence to 120 ms (100 + 20 ms jitter buffer), 20 ms of 7s, 20 ms of 8s, silence to 1 s.
        assertThat(audio[959]).isEqualTo((byte) 0xFF);
        assertThat(Arrays.copyOfRange(audio, 960, 1120)).containsOnly((byte) 7);
        assertThat(Arrays.copyOfRange(audio, 1120, 1280)).containsOnly((byte) 8);
        assertThat(audio[1280]).isEqualTo((byte) 0xFF);
        assertThat(buffer.playedMs()).isEqualTo(40);
    }

    @Test
    void playsEveryByteInOrderAcrossTheRingsWrapAndGrowth() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        // Paced frames wrap the one-second ring several times; a 3 s burst in the middle makes it grow while wrapped.
        long ms = 100;
        for (int i = 0; i < 600; i++) {
            byte[] frame = frame(i % 120);
            sent.write(frame, 0, frame.length);
            buffer.onMedia(frame, at(ms));
            if (i < 200 || i >= 350) {
                ms += 20;
            }
        }
        buffer.advance(at(ms + 4_000));

        byte[] audio = heard.toByteArray();
        int firstAudio = (100 + 20) * 8;
        assertThat(audio.length).isGreaterThan(firstAudio + sent.size());
        assertThat(Arrays.copyOfRange(audio, firstAudio, firstAudio + sent.size())).isEqualTo(sent.toByteArray());
        assertThat(buffer.underruns()).isZero();
    }

    @Test
    void marksStillPlayingAtTheEndAreCountedAsPending() {
        buffer.onMedia(frame(1), at(100));
        buffer.onMedia(frame(1), at(100));
        buffer.onMark("late", at(100));

        buffer.advance(at(130));

        assertThat(echoed).isEmpty();
        assertThat(buffer.pendingMarks()).isEqualTo(1);
    }
}
