package kol.provider.ttscache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import kol.provider.AudioFormat;

/**
 * The directory of rendered phrases: one file of raw audio (in the provider's own format) per provider, voice and
 * text, named by the SHA-256 of all of them, so no text, however long or odd, reaches a file name, and a change of
 * voice, rate or provider finds no stale audio. Files are written whole to a temporary file in the same directory and
 * then moved into place atomically: a reader sees the complete audio or no file, never a half-written one, even with
 * two calls storing the same phrase at once or a crash mid-write. Thread-safe.
 */
final class PhraseStore {

    /** Bumped if the key or file layout ever changes, so old files are simply never found again. */
    private static final String LAYOUT = "kol-tts-cache-1";
    static final String SUFFIX = ".audio";

    private final Path dir;
    private final String provider;
    private final String voiceKey;
    private final AudioFormat format;

    PhraseStore(Path dir, String provider, String voiceKey, AudioFormat format) {
        this.dir = dir;
        this.provider = provider;
        this.voiceKey = voiceKey;
        this.format = format;
    }

    Path dir() {
        return dir;
    }

    /** The file for {@code text} (stripped), whether or not it exists yet. */
    Path fileFor(String text) {
        String key = String.join("\n", LAYOUT, provider, voiceKey, format.toString(), text.strip());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Stores {@code audio[0, len)} as the rendering of {@code text}, atomically. */
    void store(String text, byte[] audio, int len) throws IOException {
        Files.createDirectories(dir);
        Path target = fileFor(text);
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, len == audio.length ? audio : Arrays.copyOf(audio, len));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
