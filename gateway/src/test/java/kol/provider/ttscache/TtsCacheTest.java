package kol.provider.ttscache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import kol.base.Settings;
import kol.provider.Cancellable;
import kol.provider.tts.RecordingTtsListener;
import kol.provider.tts.TextToSpeech;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TtsCacheTest {

    private static final String GREETING = "שלום, הגעתם למרפאה.";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final ScriptedTts provider = new ScriptedTts();

    private TtsCache cache() {
        return new TtsCache(provider, "he-IL-Wavenet-A|he-IL|1.0", dir, Set.of(GREETING));
    }

    private static RecordingTtsListener speak(TextToSpeech tts, String text) throws InterruptedException {
        RecordingTtsListener heard = new RecordingTtsListener();
        tts.synthesize(text, heard);
        assertThat(heard.awaitEnd(WAIT)).isTrue();
        return heard;
    }

    @Test
    void closingTheCacheClosesTheProviderBehindIt() throws Exception {
        cache().close();

        assertThat(provider.closed).isTrue();
    }

    @Test
    void theFirstCallSynthesisesAndStoresAndLaterCallsReplayFromDiskWithoutTheProvider() throws Exception {
        provider.audio = TtsCacheTestAudio.ramp(10_000);
        TtsCache cache = cache();

        RecordingTtsListener first = speak(cache, GREETING);
        RecordingTtsListener second = speak(cache, "  " + GREETING + "\n");

        assertThat(first.done()).isTrue();
        assertThat(second.done()).isTrue();
        assertThat(first.audio()).isEqualTo(provider.audio);
        assertThat(second.audio()).isEqualTo(provider.audio);
        assertThat(provider.texts).as("one provider call, for the first").containsExactly(GREETING);
        assertThat(Files.readAllBytes(cache.fileFor(GREETING))).isEqualTo(provider.audio);
        assertThat(second.chunks()).as("replayed in 4096-byte chunks").isEqualTo(3);
        assertThat(second.afterEnd()).isZero();
    }

    @Test
    void textsThatAreNotFixedGoStraightToTheProviderAndAreNotStored() throws Exception {
        TtsCache cache = cache();

        speak(cache, "התור שלך נקבע ליום שני.");
        speak(cache, "התור שלך נקבע ליום שני.");

        assertThat(cache.cacheable("התור שלך נקבע ליום שני.")).isFalse();
        assertThat(provider.texts).hasSize(2);
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aFailedSynthesisReachesTheListenerAndIsNotStored() throws Exception {
        provider.failAtEnd = new IOException("HTTP 503");
        TtsCache cache = cache();

        RecordingTtsListener heard = speak(cache, GREETING);

        assertThat(heard.error()).hasMessage("HTTP 503");
        assertThat(cache.fileFor(GREETING)).doesNotExist();
        provider.failAtEnd = null;
        speak(cache, GREETING);
        assertThat(provider.texts).as("tried again, since nothing was stored").hasSize(2);
    }

    @Test
    void aCancelledSynthesisIsNotStoredAndDeliversNothingAfterCancel() throws Exception {
        provider.audio = TtsCacheTestAudio.ramp(1000);
        provider.chunkBytes = 10;
        provider.chunkDelayMs = 5;
        TtsCache cache = cache();
        RecordingTtsListener heard = new RecordingTtsListener();

        Cancellable synthesis = cache.synthesize(GREETING, heard);
        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        synthesis.cancel();
        int chunks = heard.chunks();
        Thread.sleep(100);

        assertThat(heard.chunks()).isEqualTo(chunks);
        assertThat(heard.ends()).isZero();
        assertThat(cache.fileFor(GREETING)).doesNotExist();
    }

    @Test
    void aCancelDuringReplayStopsItAtOnce() throws Exception {
        provider.audio = TtsCacheTestAudio.ramp(100_000);
        TtsCache cache = cache();
        speak(cache, GREETING);
        AtomicReference<Cancellable> synthesis = new AtomicReference<>();
        RecordingTtsListener heard = new RecordingTtsListener() {
            @Override
            public void onAudio(byte[] chunk, int off, int len) {
                super.onAudio(chunk, off, len);
                while (synthesis.get() == null) {
                    Thread.onSpinWait();
                }
                synthesis.get().cancel();
            }
        };

        synthesis.set(cache.synthesize(GREETING, heard));
        assertThat(heard.awaitFirstAudio(WAIT)).isTrue();
        Thread.sleep(100);

        assertThat(heard.chunks()).isEqualTo(1);
        assertThat(heard.ends()).isZero();
    }

    @Test
    void anotherVoiceOrProviderIsAnotherFile() {
        Path base = cache().fileFor(GREETING);
        Path otherVoice = new TtsCache(provider, "he-IL-Wavenet-B|he-IL|1.0", dir, Set.of()).fileFor(GREETING);
        provider.name = "elevenlabs";
        Path otherProvider = cache().fileFor(GREETING);

        assertThat(List.of(otherVoice, otherProvider)).doesNotContain(base).doesNotHaveDuplicates();
        assertThat(base.getFileName().toString()).matches("[0-9a-f]{64}\\.audio");
    }

    @Test
    void aFileThatCannotBeReadCostsAProviderCallNotThePhrase() throws Exception {
        TtsCache cache = cache();
        Files.createDirectories(cache.fileFor(GREETING).resolve("not-a-file"));

        RecordingTtsListener heard = speak(cache, GREETING);

        assertThat(heard.done()).isTrue();
        assertThat(heard.audio()).isEqualTo(provider.audio);
        assertThat(provider.texts).hasSize(1);
    }

    @Test
    void isLeftOutWhenTheSettingsTurnItOff() {
        TextToSpeech off = TtsCache.wrap(Settings.of(Map.of("TTS_CACHE", "false")), provider, "v", Set.of(GREETING));
        TextToSpeech on = TtsCache.wrap(Settings.of(Map.of("TTS_CACHE_DIR", dir.toString())), provider, "v",
                Set.of(GREETING));

        assertThat(off).isSameAs(provider);
        assertThat(on).isInstanceOf(TtsCache.class);
        assertThat(on.name()).isEqualTo("scripted");
        assertThat(((TtsCache) on).fileFor(GREETING).getParent()).isEqualTo(dir);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
