package kol.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kol.audio.G711;
import kol.audio.Tones;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.Turn;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import kol.tx.TxPacer;
import kol.tx.TxTelemetry;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation engine on a hand-set clock with one fake per port, the real TX queue and pacer, and a fake
 * carrier that plays audio in real time and echoes marks: every timing below is exact.
 */
class ConversationTest {
    private static final long MS = 1_000_000L;
    private static final byte[] SPEECH = Tones.sineMuLaw(300, -10, 20);
    private static final byte[] SILENCE = new byte[Frame.MEDIA_BYTES];

    static {
        Arrays.fill(SILENCE, G711.SILENCE);
    }

    private final long[] now = {10_000 * MS};
    private final CachedNanoClock clock = new CachedNanoClock();
    private Fakes.FakeCall call;
    private Fakes.ScriptedStt stt;
    private Fakes.ScriptedDialog dialog;
    private Fakes.ToneTts tts;
    private Fakes.ManualTimers timers;
    private TxPacer pacer;
    private Conversation conversation;
    private ConversationConfig config = ConversationConfig.defaults();

    @BeforeEach
    void setUp() {
        clock.update(now[0]);
        call = new Fakes.FakeCall(now);
        stt = new Fakes.ScriptedStt(false);
        dialog = new Fakes.ScriptedDialog();
        tts = new Fakes.ToneTts();
        timers = new Fakes.ManualTimers(now);
    }

    private void start() {
        pacer = TxPacer.manual(clock, TxTelemetry.NONE);
        pacer.attach("CAtest", call.queue, call);
        conversation = new Conversation(call, dialog, stt, tts, new Fakes.ScriptedVoice(200), config, Runnable::run,
                timers, clock, "scripted");
        call.listener = conversation;
    }

    /** Runs {@code ms} of call time: the caller sends a frame every 20 ms, the pacer runs every millisecond. */
    private void run(long ms, boolean callerSpeaks) {
        for (long t = 0; t < ms; t++) {
            now[0] += MS;
            clock.update(now[0]);
            if (t % Frame.FRAME_MS == 0) {
                conversation.onAudio(callerSpeaks ? SPEECH : SILENCE, 0);
            }
            pacer.doWork(now[0]);
            call.echoDue();
            timers.fireDue();
        }
    }

    private void speak(long ms) {
        run(ms, true);
    }

    private void silence(long ms) {
        run(ms, false);
    }

    @Test
    void theTurnEndsExactlyOneHangoverAfterTheLastSpeechFrame() {
        start();
        silence(100);
        speak(1000);
        long lastSpeech = now[0];
        silence(180);
        assertThat(dialog.turns).as("still inside the 200 ms hangover").isEmpty();
        silence(40);
        assertThat(dialog.turns).containsExactly(Turn.unrecognised());
        silence(400);
        TurnLatency.Figures figures = conversation.turns().get(0);
        assertThat(figures.vadEndMs()).isBetween(200L, 220L);
        assertThat(lastSpeech).isPositive();
    }

    @Test
    void answersEachTurnOnceAndStreamsTheFirstSentenceBeforeTheDialogFinishes() {
        dialog.hold = true;
        start();
        speak(600);
        silence(220);
        assertThat(dialog.turns).hasSize(1);
        dialog.firstSentence(dialog.open.get(0));
        assertThat(tts.spoken).as("TTS started on sentence one while the dialog is still writing")
                .containsExactly("Hello there.");
        silence(300);
        assertThat(call.mediaSentCount()).isPositive();
        dialog.open.get(0).onText("How can I help? ");
        dialog.open.get(0).onDone();
        silence(2000);
        assertThat(tts.spoken).containsExactly("Hello there.", "How can I help?");
        assertThat(call.sent).contains("mark:g0-r1-first", "mark:g0-r1-s1", "mark:g0-r1-s2");
        assertThat(call.sent.indexOf("mark:g0-r1-s1")).isLessThan(call.sent.indexOf("mark:g0-r1-s2"));
        // A second, separate turn gets its own single reply.
        speak(600);
        silence(220);
        assertThat(dialog.turns).hasSize(2);
        dialog.release(dialog.open.get(1));
        silence(1500);
        assertThat(conversation.turns()).hasSize(2);
    }

    @Test
    void mergesASplitUtteranceAndAnswersItOnce() {
        stt = new Fakes.ScriptedStt(true);
        dialog.hold = true;
        start();
        speak(400);
        stt.fin("I want");
        silence(220);
        assertThat(dialog.turns).containsExactly(Turn.speech("I want"));
        speak(400);
        stt.fin("an appointment");
        silence(220);
        assertThat(dialog.cancelled).as("the unheard first reply is dropped").isEqualTo(1);
        assertThat(dialog.turns).hasSize(1);
        silence(1100);
        assertThat(dialog.turns).containsExactly(Turn.speech("I want"), Turn.speech("I want an appointment"));
        dialog.release(dialog.open.get(1));
        silence(2000);
        assertThat(tts.spoken).containsExactly("Hello there.", "How can I help?");
    }

    @Test
    void noReplyStartsWithinTheRefractoryWindowOfThePreviousOne() {
        start();
        speak(400);
        silence(220);
        long firstReplyAt = now[0];
        assertThat(dialog.turns).hasSize(1);
        // DTMF is exempt (a key press is deliberate); speech right after a reply waits for the window.
        silence(1500);
        speak(300);
        silence(220);
        assertThat(dialog.turns).hasSize(2);
        assertThat(now[0] - firstReplyAt).isGreaterThanOrEqualTo(1100 * MS);
    }

    @Test
    void bargeInFlushesClearsAndCancelsInOneStep() {
        dialog.sentences = List.of("One.", "Two.", "Three.", "Four.", "Five.");
        call.playoutDelayNs = 600 * MS;
        start();
        speak(400);
        silence(220);
        silence(500);
        assertThat(call.queue.mediaDepth()).isPositive();
        int cancelledBefore = dialog.cancelled;
        int sentBefore = call.sent.size();
        // The caller talks over the bot: 60 ms to start speech, then BARGE_IN_MIN_MS = 300 ms of it.
        speak(280);
        assertThat(call.sent.subList(sentBefore, call.sent.size())).doesNotContain("clear");
        speak(20);
        long decidedAt = now[0];
        assertThat(call.queue.mediaDepth()).as("flushed").isZero();
        assertThat(dialog.cancelled).isEqualTo(cancelledBefore + 1);
        assertThat(tts.cancelled).isPositive();
        while (!call.sent.contains("clear") && now[0] - decidedAt < 100 * MS) {
            silence(1);
        }
        assertThat(call.sent.get(call.sent.size() - 1)).isEqualTo("clear");
        assertThat(now[0] - decidedAt).as("clear on the wire within one frame time").isLessThanOrEqualTo(
                Frame.FRAME_NS);
        // Marks echoed after the clear are cleared, not played.
        silence(50);
        assertThat(call.playback.clearedMarks()).isPositive();
    }

    @Test
    void aShortBurstWhileTheBotSpeaksDoesNotBargeIn() {
        tts.msPerSentence = 3000;
        start();
        speak(400);
        silence(220);
        silence(400);
        speak(200); // a cough or a door: 200 ms < BARGE_IN_MIN_MS
        silence(300);
        assertThat(call.sent).doesNotContain("clear");
        assertThat(dialog.cancelled).isZero();
        assertThat(dialog.turns).as("the burst is not a turn either").hasSize(1);
    }

    @Test
    void bargeInWorksAfterSynthesisFinishedWhileTheCarrierStillPlays() {
        tts.msPerSentence = 600;
        call.playoutDelayNs = 1000 * MS;
        start();
        speak(400);
        silence(220);
        while (!call.sent.contains("mark:g0-r1-s2")) {
            silence(1);
        }
        // Everything is synthesised and sent; the far end is still playing the last second of it.
        assertThat(call.queue.mediaDepth()).isZero();
        assertThat(call.playback.pendingMarks()).isPositive();
        speak(400);
        assertThat(call.sent).contains("clear");
    }

    @Test
    void theGreetingEndsWithItsMarkAfterItsAudio() {
        start();
        conversation.greet("Welcome to the clinic.");
        silence(1000);
        List<String> sent = new ArrayList<>(call.sent);
        int end = sent.indexOf("mark:" + TxLogReporter.GREETING_END);
        assertThat(end).isPositive();
        assertThat(sent.subList(end + 1, sent.size())).doesNotContain("media");
        assertThat(sent.subList(0, end)).contains("media", "mark:greet-s1");
        assertThat(sent.lastIndexOf("mark:greet-s1")).isLessThan(end);
    }

    @Test
    void debouncesPartialsButAnswersWithTheFreshestWords() {
        stt = new Fakes.ScriptedStt(true);
        dialog.hold = true;
        start();
        List<String> delivered = new ArrayList<>();
        conversation.onDebouncedPartial(delivered::add);
        speak(100);
        for (int i = 1; i <= 10; i++) {
            stt.partial("word".repeat(i));
            speak(20);
        }
        assertThat(delivered).hasSizeBetween(2, 3);
        silence(220);
        assertThat(dialog.turns).containsExactly(Turn.speech("word".repeat(10)));
    }

    @Test
    void utteranceModeSendsTheUtteranceAtItsEndAndWaitsForTheFinal() {
        stt = new Fakes.ScriptedStt(true);
        config = config.withStreamingStt(false);
        start();
        silence(400);
        assertThat(stt.batches).isZero();
        speak(600);
        assertThat(stt.batches).isZero();
        silence(220);
        assertThat(stt.endOfUtterances).isEqualTo(1);
        assertThat(stt.audioBytes).as("the utterance with its lead-in").isGreaterThanOrEqualTo(600 * 8);
        assertThat(dialog.turns).isEmpty();
        stt.fin("opening hours");
        assertThat(dialog.turns).containsExactly(Turn.speech("opening hours"));
    }

    @Test
    void streamingModeSendsAudioInBatchesOfSttBatchMs() {
        start();
        silence(1000);
        assertThat(stt.batches).isEqualTo(20);
        assertThat(stt.audioBytes).isEqualTo(1000 * 8);
    }

    @Test
    void aHangUpActionEndsTheCallAfterTheReplyHasPlayed() {
        dialog.action = DialogAction.hangUp();
        start();
        speak(400);
        silence(220);
        silence(500);
        assertThat(call.hungUp).isFalse();
        silence(2000);
        assertThat(call.hungUp).isTrue();
    }

    @Test
    void aKeyPressIsATurnAndCutsTheBotOff() {
        tts.msPerSentence = 3000;
        start();
        speak(400);
        silence(600);
        conversation.onDtmf('2');
        assertThat(dialog.turns).endsWith(Turn.dtmf('2'));
        silence(100);
        int clear = call.sent.indexOf("clear");
        assertThat(clear).isPositive();
        assertThat(call.sent.subList(0, clear)).doesNotContain("mark:g1-r2-first");
        assertThat(call.sent.subList(clear, call.sent.size())).contains("mark:g1-r2-first");
    }
}
