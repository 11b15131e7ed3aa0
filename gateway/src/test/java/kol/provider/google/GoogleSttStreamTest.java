package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.speech.v1.RecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import io.grpc.Status;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kol.carrier.CallInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production adapter, pointed by its settings at a loopback server that speaks Google's StreamingRecognize. */
class GoogleSttStreamTest {
    private static final CallInfo CALL = new CallInfo("CA-test", "MZ-test", "AC-test", "", "", Map.of());
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeSpeechServer fake;
    private GoogleStt stt;
    private GoogleSttStream stream;
    private final RecordingSttListener listener = new RecordingSttListener();

    @BeforeEach
    void startServer() throws Exception {
        fake = FakeSpeechServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        if (stt != null) {
            stt.close();
        }
        fake.close();
        assertThat(listener.overlapped()).as("listener calls overlapped").isFalse();
    }

    private GoogleSttStream open(Map<String, String> settings) {
        stt = GoogleStt.fromSettings(fake.settings(settings));
        stream = stt.open(CALL, listener);
        return stream;
    }

    private void awaitFinals(int count) {
        await().atMost(WAIT).until(() -> listener.finals().size() >= count);
    }

    @Test
    void sendsTheConfigurationFirstThenOnlyAudioWithHebrewAsIwIl() {
        open(Map.of());
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(800).build();
        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length);

        awaitFinals(1);
        StreamingRecognitionConfig sent = fake.calls().get(0).config();
        RecognitionConfig config = sent.getConfig();
        assertThat(config.getLanguageCode()).isEqualTo("iw-IL");
        assertThat(config.getEncoding()).isEqualTo(RecognitionConfig.AudioEncoding.MULAW);
        assertThat(config.getSampleRateHertz()).isEqualTo(8000);
        assertThat(config.getModel()).isEqualTo("default");
        assertThat(config.getUseEnhanced()).isTrue();
        assertThat(sent.getInterimResults()).isTrue();
        assertThat(fake.violations()).isEmpty();
        assertThat(listener.finals()).containsExactly(new RecordingSttListener.Final("word0", 1500, 0.92f));
        assertThat(listener.partials()).isNotEmpty().allMatch(p -> p.text().equals("word0") && p.audioEndMs() <= 1500);
        assertThat(stt.recognisesWords()).isTrue();
        assertThat(stt.name()).isEqualTo("google");
    }

    @Test
    void sendsOtherLanguagesModelsAndEnhancementAsConfigured() {
        fake.expect("en-US", "telephony", false);
        open(Map.of("GCP_STT_LANGUAGE", "en-US", "GCP_STT_MODEL", "telephony", "GCP_STT_ENHANCED", "false"));
        CallScript call = CallScript.builder().silence(300).utterance(0, 600).silence(800).build();
        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length);

        awaitFinals(1);
        RecognitionConfig config = fake.calls().get(0).config().getConfig();
        assertThat(config.getLanguageCode()).isEqualTo("en-US");
        assertThat(config.getModel()).isEqualTo("telephony");
        assertThat(config.getUseEnhanced()).isFalse();
        assertThat(listener.finalTexts()).containsExactly("word0");
    }

    @Test
    void splitsABatchLargerThanAGoogleRequestIntoRequestsOfAtMost15Kb() {
        open(Map.of());
        CallScript call = CallScript.builder().silence(1000).utterance(0, 2000).silence(2000).build();
        // A first small batch opens the stream; the next, 4.95 s in one piece, goes to it live.
        stream.sendAudio(call.audio(), 0, CallFeeder.BATCH_BYTES);
        stream.sendAudio(call.audio(), CallFeeder.BATCH_BYTES, call.audio().length - CallFeeder.BATCH_BYTES);

        awaitFinals(1);
        await().atMost(WAIT).until(() -> fake.calls().get(0).heard().length == call.audio().length);
        List<Integer> sizes = fake.calls().get(0).requestSizes();
        assertThat(sizes).allMatch(size -> size <= SpeechAttempt.MAX_REQUEST_BYTES).hasSizeGreaterThan(2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(call.audio().length);
        assertThat(fake.calls().get(0).heard()).isEqualTo(call.audio());
        assertThat(stream.stats().largestRequestBytes()).isEqualTo(SpeechAttempt.MAX_REQUEST_BYTES);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void reconnectsWhenGoogleCutsTheStreamAndReplaysTheUtteranceTheCutSplit() {
        fake.cutAfterMs(20_000);
        open(Map.of("GCP_STT_RESTART_MS", "0"));
        CallScript.Builder builder = CallScript.builder().silence(500);
        for (int n = 0; n < 6; n++) {
            builder.utterance(n, 1500).silence(1500);
        }
        // 18.5 s so far: utterance 6 runs from 19.5 s to 21.5 s, across the cut at 20 s.
        CallScript call = builder.silence(1000).utterance(6, 2000).silence(1500).utterance(7, 1000).silence(1500)
                .build();

        new CallFeeder(stream).feedAwaitingFinals(call, listener);

        assertThat(listener.finalTexts()).containsExactlyElementsOf(call.texts());
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        List<FakeSpeechCall> calls = fake.calls();
        assertThat(calls.get(0).outcome()).isEqualTo("cut");
        assertThat(calls.get(0).cutInsideUtterance()).isTrue();
        // The second stream starts where the last final before the cut ended (utterance 5's end) and so hears
        // utterance 6 whole.
        int resumeAt = call.utterances().get(5).endByte();
        await().atMost(WAIT).until(() -> calls.get(1).heard().length == call.audio().length - resumeAt);
        assertThat(calls.get(1).heard()).isEqualTo(Arrays.copyOfRange(call.audio(), resumeAt, call.audio().length));
        assertThat(listener.errors()).singleElement().satisfies(e -> {
            assertThat(e.recovering()).isTrue();
            assertThat(((GoogleSttException) e.error()).code()).isEqualTo("OUT_OF_RANGE");
            assertThat(e.error()).hasMessageContaining("time limit");
        });
        GoogleSttStats stats = stream.stats();
        assertThat(stats.cutByGoogle()).isEqualTo(1);
        // At least what the cut stream heard after that final went again (more if audio reached it after the cut).
        assertThat(stats.replayedBytes()).isGreaterThanOrEqualTo(20_000 * 8 - resumeAt);
        assertThat(stream.downSinceMs()).isEqualTo(-1);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void retriesUnavailableWithBackOffAndRecoversWithoutLosingTheUtterance() {
        fake.refuseNext(3, Status.UNAVAILABLE.withDescription("The service is currently unavailable."));
        open(Map.of());
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(1000).utterance(1, 800)
                .silence(2500).build();

        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length, 10);

        awaitFinals(2);
        assertThat(listener.finalTexts()).containsExactly("word0", "word1");
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        // Three refusals then one stream, though some 100 batches arrived meanwhile: attempts follow the back-off
        // (at once, then 125–250 ms, then 250–500 ms of audio), not the batches.
        assertThat(fake.calls()).hasSize(4);
        assertThat(fake.calls().subList(0, 3)).allMatch(c -> c.outcome().equals("refused UNAVAILABLE"));
        // The listener hears once that recognition went down (each retry is in the rate-limited log).
        assertThat(listener.errors()).singleElement().satisfies(e -> {
            assertThat(e.recovering()).isTrue();
            assertThat(((GoogleSttException) e.error()).code()).isEqualTo("UNAVAILABLE");
        });
        assertThat(stream.stats().failures()).isEqualTo(3);
        assertThat(listener.outages()).as("down for well under STT_OUTAGE_FALLBACK_MS").isEmpty();
        assertThat(stream.downSinceMs()).isEqualTo(-1);
    }

    @Test
    void reportsAnOutageOnceWhenRecognitionStaysDownPastTheFallbackTime() {
        fake.refuseNext(6, Status.UNAVAILABLE);
        open(Map.of("GCP_STT_REPLAY_MAX_MS", "20000"));
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(12_000).build();

        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length, 10);

        awaitFinals(1);
        assertThat(listener.finalTexts()).containsExactly("word0");
        List<RecordingSttListener.Error> outages = listener.errors().stream()
                .filter(e -> e.error() instanceof SpeechOutageException).toList();
        assertThat(outages).singleElement().satisfies(e -> {
            assertThat(e.recovering()).isTrue();
            assertThat(((SpeechOutageException) e.error()).downForMs()).isGreaterThanOrEqualTo(3000);
        });
        assertThat(listener.outages()).singleElement().satisfies(ms -> assertThat(ms).isGreaterThanOrEqualTo(3000));
        assertThat(listener.errors()).hasSize(2);
        assertThat(fake.calls()).hasSize(7);
        assertThat(stream.downSinceMs()).isEqualTo(-1);
    }

    @Test
    void restartsAStreamThatStopsAnsweringAndGetsTheUtteranceFromTheNextOne() {
        fake.stallNext(1);
        open(Map.of());
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(7000).build();

        // The server must have the call before the caller speaks into it; then ten times real time, as the stall
        // clock is caller audio.
        int lead = 200 * CallAudio.BYTES_PER_MS;
        CallFeeder feeder = new CallFeeder(stream).feed(call.audio(), 0, lead);
        await().atMost(WAIT).until(() -> fake.calls().size() == 1);
        feeder.feed(call.audio(), lead, call.audio().length, 10);

        awaitFinals(1);
        assertThat(listener.finalTexts()).containsExactly("word0");
        assertThat(listener.finalEndsMs()).containsExactly(1500L);
        assertThat(fake.calls()).hasSize(2);
        await().atMost(WAIT).until(() -> fake.calls().get(0).outcome().equals("cancelled"));
        assertThat(stream.stats().stalls()).isEqualTo(1);
        assertThat(listener.errors()).anySatisfy(e -> {
            assertThat(e.recovering()).isTrue();
            assertThat(((GoogleSttException) e.error()).code()).isEqualTo("STALLED");
            assertThat(e.error()).hasMessageContaining("GCP_STT_STALL_MS");
        });
    }

    @Test
    void deliversAFirstResultThatComesLateWithoutTakingItForAStall() {
        fake.firstResultDelayMs(3000);
        open(Map.of());
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(5000).build();

        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length, 5);

        awaitFinals(1);
        assertThat(listener.finalTexts()).containsExactly("word0");
        assertThat(listener.partials()).isNotEmpty();
        assertThat(fake.calls()).hasSize(1);
        assertThat(stream.stats().stalls()).isZero();
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void stopsWithAMessageNamingTheCredentialsOnAnAuthErrorAndDoesNotRetry() {
        fake.refuseAll(Status.UNAUTHENTICATED.withDescription("Request had invalid authentication credentials."));
        open(Map.of());
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(1000).build();
        CallFeeder feeder = new CallFeeder(stream).feed(call.audio(), 0, call.audio().length);

        await().atMost(WAIT).until(() -> !listener.errors().isEmpty());
        feeder.feed(call.audio(), 0, call.audio().length);

        assertThat(listener.errors()).singleElement().satisfies(e -> {
            assertThat(e.recovering()).isFalse();
            assertThat(((GoogleSttException) e.error()).code()).isEqualTo("UNAUTHENTICATED");
            assertThat(e.error()).hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
        });
        assertThat(fake.calls()).hasSize(1);
        assertThat(listener.finals()).isEmpty();
    }

    @Test
    void namesTheLanguageAndModelSettingsWhenGoogleRejectsTheConfiguration() {
        fake.expect("en-US", "default", true);
        open(Map.of("GCP_STT_LANGUAGE", "he"));
        CallScript call = CallScript.builder().silence(500).utterance(0, 1000).silence(1000).build();
        new CallFeeder(stream).feed(call.audio(), 0, call.audio().length);

        await().atMost(WAIT).until(() -> !listener.errors().isEmpty());
        assertThat(listener.errors()).singleElement().satisfies(e -> {
            assertThat(e.recovering()).isFalse();
            assertThat(e.error()).hasMessageContaining("INVALID_ARGUMENT")
                    .hasMessageContaining("GCP_STT_LANGUAGE=he (sent as iw-IL)").hasMessageContaining("GCP_STT_MODEL");
        });
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void keepsTheStreamThroughAHoldAndReopensQuietlyAfterGooglesNoAudioTimeout() throws Exception {
        fake.idleTimeoutMs(800);
        open(Map.of());
        CallScript call = CallScript.builder().silence(300).utterance(0, 600).silence(2000).utterance(1, 600)
                .silence(800).build();
        int holdEnd = call.utterances().get(1).startByte();
        CallFeeder feeder = new CallFeeder(stream);
        // In real time, silence included: the stream never goes 800 ms without audio, so Google does not close it.
        feeder.feed(call.audio(), 0, holdEnd, 1);
        assertThat(fake.calls()).hasSize(1);
        assertThat(fake.calls().get(0).outcome()).isEqualTo("open");
        // Then the audio stops altogether (a carrier gap): the server closes the stream for want of audio.
        await().atMost(WAIT).until(() -> fake.calls().get(0).outcome().equals("timeout"));
        await().atMost(WAIT).until(() -> stream.stats().audioTimeouts() == 1);
        feeder.feed(call.audio(), holdEnd, call.audio().length);

        awaitFinals(2);
        assertThat(listener.finalTexts()).containsExactly("word0", "word1");
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        assertThat(listener.errors()).isEmpty();
        assertThat(fake.calls()).hasSize(2);
        assertThat(stream.downSinceMs()).isEqualTo(-1);
    }

    @Test
    void utteranceModeHalfClosesEachUtteranceAndDeliversItsFinal() {
        open(Map.of());
        CallScript call = CallScript.builder().silence(300).utterance(0, 800).silence(1000).utterance(1, 600)
                .silence(200).build();
        CallFeeder feeder = new CallFeeder(stream);
        int firstEnd = call.utterances().get(0).endByte() + 100 * CallAudio.BYTES_PER_MS;
        feeder.feed(call.audio(), 0, firstEnd);
        stream.endOfUtterance();
        awaitFinals(1);
        await().atMost(WAIT).until(() -> fake.calls().get(0).outcome().equals("completed"));
        feeder.feed(call.audio(), firstEnd, call.audio().length);
        stream.endOfUtterance();

        awaitFinals(2);
        assertThat(listener.finalTexts()).containsExactly("word0", "word1");
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        await().atMost(WAIT).until(() -> fake.calls().get(1).outcome().equals("completed"));
        assertThat(fake.calls()).hasSize(2);
        assertThat(listener.errors()).isEmpty();
    }

    @Test
    void cancelUtteranceDropsWhatWasInFlight() {
        open(Map.of());
        CallScript call = CallScript.builder().silence(300).utterance(0, 800).silence(1000).utterance(1, 600)
                .silence(1000).build();
        CallFeeder feeder = new CallFeeder(stream);
        int cancelAt = call.utterances().get(0).endByte() + 100 * CallAudio.BYTES_PER_MS;
        feeder.feed(call.audio(), 0, cancelAt);
        await().atMost(WAIT).until(() -> !listener.partials().isEmpty());
        stream.cancelUtterance();
        feeder.feed(call.audio(), cancelAt, call.audio().length);

        awaitFinals(1);
        assertThat(listener.finalTexts()).containsExactly("word1");
        assertThat(listener.finalEndsMs()).containsExactly(call.utterances().get(1).endMs());
        assertThat(fake.calls()).hasSize(2);
    }

    @Test
    void closeEndsTheCallAndNothingArrivesAfterIt() {
        open(Map.of());
        CallScript call = CallScript.builder().silence(300).utterance(0, 800).silence(1000).build();
        CallFeeder feeder = new CallFeeder(stream);
        feeder.feed(call.audio(), 0, call.utterances().get(0).endByte());
        await().atMost(WAIT).until(() -> !listener.partials().isEmpty());
        stream.close();
        int partialsAtClose = listener.partials().size();
        feeder.feed(call.audio(), call.utterances().get(0).endByte(), call.audio().length);

        await().atMost(WAIT).until(() -> fake.calls().get(0).outcome().equals("cancelled"));
        assertThat(listener.finals()).isEmpty();
        assertThat(listener.partials()).hasSize(partialsAtClose);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void forcesARenewalMidUtteranceNearGooglesLimitWithoutSplittingOrRepeatingIt() {
        fake.cutAfterMs(300_000);
        // Stall detection off and a long replay: this test is about the forced renewal alone.
        open(Map.of("GCP_STT_STALL_MS", "60000", "GCP_STT_REPLAY_MAX_MS", "60000"));
        CallScript.Builder builder = CallScript.builder().silence(1000);
        int n = 0;
        while (builder.ms() < 260_000) {
            builder.utterance(n++, 1500).silence(1500);
        }
        // Speech without a pause from before the 270 s renewal point to past the 295 s forced one.
        CallScript call = builder.utterance(n, 40_000).silence(1500).utterance(n + 1, 1000).silence(1500).build();

        new CallFeeder(stream).feedAwaitingFinals(call, listener);

        assertThat(listener.finalTexts()).containsExactlyElementsOf(call.texts());
        assertThat(listener.finalEndsMs()).containsExactlyElementsOf(call.endsMs());
        GoogleSttStats stats = stream.stats();
        assertThat(stats.renewedForced()).isEqualTo(1);
        assertThat(stats.cutByGoogle()).isZero();
        assertThat(fake.calls()).noneMatch(c -> c.outcome().equals("cut"));
        assertThat(stats.duplicateFinals()).isZero();
    }
}
