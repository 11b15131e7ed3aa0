package kol.provider.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import kol.audio.WavFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an utterance fails: a missing program, and stand-ins for espeak-ng (small sh scripts) that stall, write
 * garbage, or exit badly. Each failure must reach {@code onError}, once, with a message that says what happened.
 */
class EspeakSynthesisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void missingProgramOnPathEndsWithAnErrorGivingTheInstallCommand() throws InterruptedException {
        EspeakTts tts = new EspeakTts(EspeakOptions.forVoice("he").withExecutable("no-such-espeak-ng-here"));

        RecordingTtsListener heard = speak(tts, "שלום");

        assertThat(heard.error()).hasMessageStartingWith(
                "espeak-ng not found on PATH as 'no-such-espeak-ng-here': install it with `sudo apt-get install "
                        + "espeak-ng`");
        assertThat(heard.audioBytes()).isZero();
    }

    @Test
    void missingProgramAtAPathEndsWithAnErrorGivingTheInstallCommand() throws InterruptedException {
        Path bogus = dir.resolve("bin/espeak-ng");
        EspeakTts tts = new EspeakTts(EspeakOptions.forVoice("he").withExecutable(bogus.toString()));

        RecordingTtsListener heard = speak(tts, "שלום");

        assertThat(heard.error()).hasMessageStartingWith("espeak-ng not found at " + bogus
                + ": install it with `sudo apt-get install espeak-ng`");
    }

    @Test
    void checkOfAMissingProgramGivesTheInstallCommand() {
        EspeakCheck check = new EspeakTts(EspeakOptions.forVoice("he").withExecutable("espeak-ng-absent")).check();

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("not found", "sudo apt-get install espeak-ng");
    }

    @Test
    void stallLongerThanTheTimeoutEndsWithAnErrorAndKillsTheProcess() throws Exception {
        EspeakTts tts = fake("exec sleep 30", 200);

        long startNs = System.nanoTime();
        RecordingTtsListener heard = speak(tts, "hello");

        assertThat(heard.error()).hasMessage("espeak-ng stalled: no output for 200 ms; killed");
        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void outputThatIsNotAWavEndsWithAnError() throws Exception {
        EspeakTts tts = fake("cat > /dev/null; echo 'Usage: espeak-ng [options] [words]'", 5_000);

        RecordingTtsListener heard = speak(tts, "hello");

        assertThat(heard.error()).isInstanceOf(WavFormatException.class)
                .hasMessageStartingWith("espeak-ng wrote something other than the expected WAV: not a RIFF/WAVE");
    }

    @Test
    void audioAtAnotherRateEndsWithAnError() throws Exception {
        // The 44-byte header espeak-ng writes, but at 16 kHz (0x3E80), as an MBROLA voice would.
        String header = "RIFF\\044\\360\\377\\177WAVEfmt \\020\\000\\000\\000\\001\\000\\001\\000\\200\\076\\000\\000"
                + "\\000\\175\\000\\000\\002\\000\\020\\000data\\000\\360\\377\\177";
        EspeakTts tts = fake("cat > /dev/null; printf '" + header + "'", 5_000);

        RecordingTtsListener heard = speak(tts, "hello");

        assertThat(heard.error()).hasMessageContaining("16000 Hz audio").hasMessageContaining("22050 Hz");
    }

    @Test
    void nonZeroExitAfterAudioEndsWithAnErrorQuotingStderr() throws Exception {
        assumeTrue(EspeakTts.forLanguage("en-US").check().ok(), "needs espeak-ng with voice en-us");
        EspeakTts tts = fake("espeak-ng \"$@\"; echo 'Segmentation fault' >&2; exit 3", 5_000);

        RecordingTtsListener heard = speak(tts, "hello");

        assertThat(heard.audioBytes()).isPositive();
        assertThat(heard.error()).isInstanceOf(IOException.class)
                .hasMessageMatching("espeak-ng exited with status 3 after \\d+ bytes of audio: Segmentation fault");
    }

    @Test
    void emptyOutputWithSuccessEndsWithDone() throws Exception {
        EspeakTts tts = fake("cat > /dev/null", 5_000);

        RecordingTtsListener heard = speak(tts, "...");

        assertThat(heard.done()).isTrue();
        assertThat(heard.audioBytes()).isZero();
    }

    /** espeak-ng replaced by {@code script}, run by sh with espeak-ng's arguments and the text on stdin. */
    private EspeakTts fake(String script, long stallTimeoutMs) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the stand-in programs need /bin/sh");
        Path program = dir.resolve("fake-espeak-ng");
        Files.writeString(program, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return new EspeakTts(new EspeakOptions(program.toString(), "en-us", 175, 50, stallTimeoutMs));
    }

    private static RecordingTtsListener speak(EspeakTts tts, String text) throws InterruptedException {
        RecordingTtsListener heard = new RecordingTtsListener();
        tts.synthesize(text, heard);
        assertThat(heard.awaitEnd(TIMEOUT)).as("synthesis ended").isTrue();
        Thread.sleep(50);
        assertThat(heard.ends()).isEqualTo(1);
        return heard;
    }
}
