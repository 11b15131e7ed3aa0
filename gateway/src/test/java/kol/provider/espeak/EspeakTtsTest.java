package kol.provider.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speaks with the real espeak-ng; every test is skipped, saying why, where it or its voices are missing. */
class EspeakTtsTest {

    static final String HEBREW = "שלום, הגעתם למרפאה.";
    static final String ENGLISH = "Hello, you have reached the clinic.";
    /** About a minute of speech: espeak-ng needs a few hundred milliseconds for it, long enough to watch. */
    static final String LONG_ENGLISH = ("This sentence is one of many, spoken so that the test can watch the audio "
            + "arrive while espeak is still at work. ").repeat(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** espeak-ng speech sits around 2000–5000 RMS; its silence is exactly 0. */
    private static final double SPEECH_RMS = 500;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsEspeak() {
        for (String language : List.of("he-IL", "en-US")) {
            EspeakCheck check = EspeakTts.forLanguage(language).check();
            assumeTrue(check.ok(), () -> "espeak-ng cannot speak " + language + " here, skipping: " + check.message());
        }
    }

    @Test
    void speaksHebrewAsAudibleSpeechOfPlausibleLength() throws InterruptedException {
        RecordingTtsListener heard = speak(EspeakTts.forLanguage("he-IL"), HEBREW);

        assertThat(heard.error()).isNull();
        assertThat(heard.done()).isTrue();
        assertThat(heard.seconds()).isBetween(0.5, 5.0);
        assertThat(heard.rms()).isGreaterThan(SPEECH_RMS);
    }

    @Test
    void speaksEnglishAsAudibleSpeechOfPlausibleLength() throws InterruptedException {
        RecordingTtsListener heard = speak(EspeakTts.forLanguage("en-US"), ENGLISH);

        assertThat(heard.error()).isNull();
        assertThat(heard.done()).isTrue();
        assertThat(heard.seconds()).isBetween(0.5, 5.0);
        assertThat(heard.rms()).isGreaterThan(SPEECH_RMS);
    }

    @Test
    void announcesPcm16AtEspeaksOwnRate() {
        assertThat(EspeakTts.forLanguage("he-IL").format()).isEqualTo(AudioFormat.pcm16(22_050));
        assertThat(EspeakTts.forLanguage("he-IL").name()).isEqualTo("espeak-ng");
    }

    @Test
    void fasterSpeechIsShorter() throws InterruptedException {
        EspeakTts slow = new EspeakTts(EspeakOptions.forLanguage("en-US").withWordsPerMinute(120));
        EspeakTts fast = new EspeakTts(EspeakOptions.forLanguage("en-US").withWordsPerMinute(300));

        double slowSeconds = speak(slow, ENGLISH).seconds();
        double fastSeconds = speak(fast, ENGLISH).seconds();

        assertThat(fastSeconds).isLessThan(slowSeconds * 0.7);
    }

    @Test
    void deliversAudioWhileEspeakIsStillRunning() throws InterruptedException {
        boolean[] espeakAliveAtFirstChunk = new boolean[1];
        RecordingTtsListener heard = new RecordingTtsListener(
                first -> espeakAliveAtFirstChunk[0] = espeakChildren().stream().anyMatch(ProcessHandle::isAlive), 0);

        EspeakTts.forLanguage("en-US").synthesize(LONG_ENGLISH, heard);

        assertThat(heard.awaitEnd(TIMEOUT)).isTrue();
        assertThat(heard.done()).isTrue();
        assertThat(espeakAliveAtFirstChunk[0]).as("espeak-ng still running when the first chunk arrived").isTrue();
        assertThat(heard.chunks()).isGreaterThan(100);
        assertThat(heard.seconds()).isGreaterThan(30.0);
    }

    @Test
    void cancelStopsCallbacksAndKillsTheProcess() throws Exception {
        RecordingTtsListener heard = new RecordingTtsListener(first -> { }, 2);
        Cancellable speaking = EspeakTts.forLanguage("en-US").synthesize(LONG_ENGLISH, heard);
        assertThat(heard.awaitFirstAudio(TIMEOUT)).isTrue();
        List<ProcessHandle> espeak = espeakChildren();
        assertThat(espeak).isNotEmpty();

        speaking.cancel();
        int callbacksAtCancel = heard.callbacks();

        for (ProcessHandle process : espeak) {
            process.onExit().get(2, TimeUnit.SECONDS);
        }
        Thread.sleep(200);
        assertThat(heard.callbacks()).isEqualTo(callbacksAtCancel);
        assertThat(heard.error()).isNull();
        assertThat(heard.ends()).isZero();
        assertThat(heard.seconds()).isLessThan(30.0);
        speaking.cancel();
    }

    @Test
    void cancelFromInsideTheFirstChunkDeliversNothingMore() throws Exception {
        CompletableFuture<Cancellable> speaking = new CompletableFuture<>();
        RecordingTtsListener heard = new RecordingTtsListener(first -> speaking.join().cancel(), 0);
        speaking.complete(EspeakTts.forLanguage("en-US").synthesize(LONG_ENGLISH, heard));

        assertThat(heard.awaitFirstAudio(TIMEOUT)).isTrue();
        Thread.sleep(300);

        assertThat(heard.chunks()).isEqualTo(1);
        assertThat(heard.ends()).isZero();
    }

    @Test
    void blankTextEndsWithDoneAndNoAudio() throws InterruptedException {
        for (String blank : List.of("", "   ", "\n\t ")) {
            RecordingTtsListener heard = speak(EspeakTts.forLanguage("he-IL"), blank);

            assertThat(heard.done()).isTrue();
            assertThat(heard.error()).isNull();
            assertThat(heard.audioBytes()).isZero();
        }
    }

    @Test
    void speaksQuotesNewlinesAndShellMetacharactersAsText() throws InterruptedException {
        Path marker = dir.resolve("marker");
        String hostile = "-v xx --help \"double\" 'single' $(touch " + marker + ") `touch " + marker + "`;\n"
                + "touch " + marker + " | & && > " + marker + " < * ~ \\ \u0000 <speak>&amp;</speak>\r\nשלום.";

        RecordingTtsListener heard = speak(EspeakTts.forLanguage("en-US"), hostile);

        assertThat(heard.error()).isNull();
        assertThat(heard.done()).isTrue();
        assertThat(heard.seconds()).isBetween(3.0, 180.0);
        assertThat(heard.rms()).isGreaterThan(SPEECH_RMS);
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void unknownVoiceEndsWithAnErrorNamingItAndHowToListVoices() throws InterruptedException {
        EspeakTts tts = new EspeakTts(EspeakOptions.forVoice("xx-no-such-voice"));

        RecordingTtsListener heard = speak(tts, ENGLISH);

        assertThat(heard.done()).isFalse();
        assertThat(heard.audioBytes()).isZero();
        assertThat(heard.error()).hasMessageContainingAll("xx-no-such-voice", "espeak-ng --voices", "status 1");
        assertThat(tts.check().ok()).isFalse();
        assertThat(tts.check().message()).contains("xx-no-such-voice", "espeak-ng-data");
    }

    @Test
    void checkNamesTheVersionAndVoiceWhenAllIsInstalled() {
        EspeakCheck check = EspeakTts.forLanguage("he-IL").check();

        assertThat(check.ok()).isTrue();
        assertThat(check.message()).matches("espeak-ng \\d+\\.\\d+\\S*, voice he");
    }

    private static RecordingTtsListener speak(EspeakTts tts, String text) throws InterruptedException {
        RecordingTtsListener heard = new RecordingTtsListener();
        tts.synthesize(text, heard);
        assertThat(heard.awaitEnd(TIMEOUT)).as("synthesis ended").isTrue();
        assertThat(heard.ends()).isEqualTo(1);
        return heard;
    }

    static List<ProcessHandle> espeakChildren() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("espeak-ng")).orElse(false))
                .toList();
    }
}
