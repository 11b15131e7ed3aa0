package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kol.carrier.CallInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test: a 12-minute call through the Google STT adapter against the fake server, whose streams are cut
 * every 5 minutes of audio, loses no caller audio and produces no duplicate transcript.
 *
 * <p>How it knows. <b>No audio lost:</b> every stretch of the call's audio is unique ({@link CallAudio}), so each
 * stream's audio, as the server heard it up to its cut, is located in the call and compared byte for byte; the
 * stretches, taken in order, must start at the call's first byte, leave no gap between them and reach its last byte.
 * The server only names an utterance when it heard it whole and exact, so the transcript checks that too. <b>No
 * duplicate transcript:</b> the finals delivered must be exactly the call's utterances, each once, in order, each
 * ending at the utterance's true place in the call (which also proves the offsets across streams).
 *
 * <p>The audio is fed as fast as the adapter and server take it: every utterance with the silence after it at once,
 * then a wait for its final. The adapter times everything on caller audio, so twelve minutes take a few seconds.
 */
class GoogleSttLongCallTest {
    private static final CallInfo CALL = new CallInfo("CA-long", "MZ-long", "AC-long", "", "", Map.of());
    private static final int CALL_MS = 12 * 60_000;
    private static final int CUT_MS = 5 * 60_000;

    private final RecordingSttListener listener = new RecordingSttListener();
    private FakeSpeechServer fake;
    private GoogleStt stt;
    private GoogleSttStream stream;

    @BeforeEach
    void start() throws Exception {
        fake = FakeSpeechServer.start().cutAfterMs(CUT_MS);
    }

    @AfterEach
    void stop() throws Exception {
        stream.close();
        stt.close();
        fake.close();
    }

    @Test
    void aTwelveMinuteCallWhoseStreamsAreCutEveryFiveMinutesLosesNoAudioAndRepeatsNoTranscript() {
        // Renewal by choice off: every stream runs into the server's cut, mid-utterance or not.
        CallScript call = run(Map.of("GCP_STT_RESTART_MS", "0"));

        List<FakeSpeechCall> calls = fake.calls();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
        assertThat(calls.subList(0, calls.size() - 1)).allMatch(c -> c.outcome().equals("cut"));
        assertThat(calls.get(0).cutInsideUtterance()).as("the first cut split an utterance").isTrue();
        assertThat(stream.stats().cutByGoogle()).isEqualTo(calls.size() - 1);
        assertThat(listener.errors()).hasSize(calls.size() - 1).allMatch(RecordingSttListener.Error::recovering);
        assertThat(call.utterances()).hasSizeGreaterThan(200);
    }

    @Test
    void aTwelveMinuteCallRenewedBeforeGooglesLimitLosesNoAudioAndRepeatsNoTranscript() {
        // The defaults: each stream is renewed after a final once it has carried 270 s, before the server's cut.
        CallScript call = run(Map.of());

        assertThat(fake.calls()).hasSizeGreaterThanOrEqualTo(3).noneMatch(c -> c.outcome().equals("cut"));
        assertThat(stream.stats().renewedAtBoundary()).isEqualTo(fake.calls().size() - 1);
        assertThat(stream.stats().renewedForced()).isZero();
        assertThat(listener.errors()).isEmpty();
        assertThat(call.utterances()).hasSizeGreaterThan(200);
    }

    private CallScript run(Map<String, String> settings) {
        stt = GoogleStt.fromSettings(fake.settings(settings));
        stream = stt.open(CALL, listener);
        // The caller is speaking when the first stream reaches 5 minutes, so the first cut splits an utterance.
        CallScript call = CallScript.randomSpeakingAt(CALL_MS, CUT_MS);

        new CallFeeder(stream).feedAwaitingFinals(call, listener);

        // No duplicate (and none lost, garbled or misplaced): exactly the utterances, once each, in order, in place.
        assertThat(listener.finalTexts()).containsExactlyElementsOf(call.texts());
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        assertThat(stream.stats().duplicateFinals()).isZero();
        // No audio lost: the streams' audio, located in the call, covers it from the first byte to the last.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertCovers(call.audio(), fake.calls()));
        assertThat(fake.violations()).isEmpty();
        assertThat(stream.stats().unreplayedBytes()).isZero();
        assertThat(listener.overlapped()).isFalse();
        return call;
    }

    /** Each stream heard one contiguous, exact slice of the call; in order, the slices leave no byte out. */
    private static void assertCovers(byte[] callAudio, List<FakeSpeechCall> calls) {
        List<long[]> slices = new ArrayList<>();
        for (FakeSpeechCall c : calls) {
            byte[] heard = c.heard();
            if (heard.length == 0) {
                continue;
            }
            int start = locate(callAudio, heard);
            assertThat(start).as("stream %s's audio is a slice of the call", calls.indexOf(c)).isNotNegative();
            slices.add(new long[] {start, start + heard.length});
        }
        slices.sort(Comparator.comparingLong(s -> s[0]));
        long covered = 0;
        for (long[] slice : slices) {
            assertThat(slice[0]).as("a gap in the audio heard").isLessThanOrEqualTo(covered);
            covered = Math.max(covered, slice[1]);
        }
        assertThat(covered).isEqualTo(callAudio.length);
    }

    /** Where {@code heard} lies in the call, byte for byte, or -1; its first 64 bytes place it (they are unique). */
    private static int locate(byte[] callAudio, byte[] heard) {
        int probe = Math.min(64, heard.length);
        for (int at = 0; at + heard.length <= callAudio.length; at++) {
            if (Arrays.equals(callAudio, at, at + probe, heard, 0, probe)) {
                return Arrays.equals(callAudio, at, at + heard.length, heard, 0, heard.length) ? at : -1;
            }
        }
        return -1;
    }
}
