package kol.provider.ttscache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import kol.provider.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhraseStoreTest {

    @TempDir
    Path dir;

    @Test
    void aReaderSeesAWholeFileOrNoneWhileItIsRewritten() throws Exception {
        PhraseStore store = new PhraseStore(dir.resolve("cache"), "google", "v", AudioFormat.MULAW_8K);
        byte[] ones = new byte[200_000];
        byte[] twos = new byte[200_000];
        Arrays.fill(ones, (byte) 1);
        Arrays.fill(twos, (byte) 2);
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    store.store("שלום", i % 2 == 0 ? ones : twos, ones.length);
                }
            } catch (Exception e) {
                writerFailure.set(e);
            }
        });

        writer.start();
        Path file = store.fileFor("שלום");
        int seen = 0;
        while (writer.isAlive()) {
            byte[] read;
            try {
                read = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            seen++;
            assertThat(read.length).isEqualTo(ones.length);
            assertThat(read[0] == 1 ? ones : twos).isEqualTo(read);
        }
        writer.join();

        assertThat(writerFailure.get()).isNull();
        assertThat(seen).isPositive();
        try (Stream<Path> files = Files.list(store.dir())) {
            assertThat(files.toList()).as("no temporary files left").containsExactly(file);
        }
    }

    @Test
    void storesOnlyTheLengthGiven() throws Exception {
        PhraseStore store = new PhraseStore(dir, "openai", "v", AudioFormat.pcm16(24_000));

        store.store("hello", new byte[] {1, 2, 3, 4}, 2);

        assertThat(Files.readAllBytes(store.fileFor("hello"))).containsExactly(1, 2);
        assertThat(store.fileFor("hello")).isNotEqualTo(
                new PhraseStore(dir, "openai", "v", AudioFormat.MULAW_8K).fileFor("hello"));
    }
}
