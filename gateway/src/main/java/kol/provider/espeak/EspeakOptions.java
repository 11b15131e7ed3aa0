package kol.provider.espeak;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link EspeakTts} runs espeak-ng.
 *
 * @param executable     the program, a bare name looked up on {@code PATH} or a path
 * @param voice          an espeak-ng voice, e.g. {@code he} or {@code en-us} (see {@code espeak-ng --voices})
 * @param wordsPerMinute speaking rate, 80–450 (espeak-ng's own range; it silently clamps outside it)
 * @param pitch          base pitch on espeak-ng's 0–99 scale
 * @param stallTimeoutMs how long espeak-ng may go without writing any output before it is killed and reported
 */
public record EspeakOptions(String executable, String voice, int wordsPerMinute, int pitch, long stallTimeoutMs) {

    public static final String DEFAULT_EXECUTABLE = "espeak-ng";
    /** espeak-ng's own default rate. */
    public static final int DEFAULT_WORDS_PER_MINUTE = 175;
    public static final int MIN_WORDS_PER_MINUTE = 80;
    public static final int MAX_WORDS_PER_MINUTE = 450;
    /** espeak-ng's own default pitch. */
    public static final int DEFAULT_PITCH = 50;
    public static final int MAX_PITCH = 99;
    /**
     * espeak-ng writes its first audio about 10 ms after it starts and then runs many times faster than real time,
     * so three seconds of silence on the pipe means it is stuck, not slow, even on a busy two-core host.
     */
    public static final long DEFAULT_STALL_TIMEOUT_MS = 3_000;

    public EspeakOptions {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(voice, "voice");
        if (executable.isBlank()) {
            throw new IllegalArgumentException("the espeak-ng executable is blank");
        }
        // The voice is one argv element; one starting with '-' would be read as another option.
        if (voice.isBlank() || voice.startsWith("-") || voice.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an espeak-ng voice name: '" + voice + "'");
        }
        if (wordsPerMinute < MIN_WORDS_PER_MINUTE || wordsPerMinute > MAX_WORDS_PER_MINUTE) {
            throw new IllegalArgumentException("speed of " + wordsPerMinute + " words per minute; espeak-ng takes "
                    + MIN_WORDS_PER_MINUTE + "–" + MAX_WORDS_PER_MINUTE);
        }
        if (pitch < 0 || pitch > MAX_PITCH) {
            throw new IllegalArgumentException("pitch of " + pitch + "; espeak-ng takes 0–" + MAX_PITCH);
        }
        if (stallTimeoutMs <= 0) {
            throw new IllegalArgumentException("stall timeout of " + stallTimeoutMs + " ms; it must be positive");
        }
    }

    /** espeak-ng from {@code PATH} speaking {@code voice} at its default rate and pitch. */
    public static EspeakOptions forVoice(String voice) {
        return new EspeakOptions(DEFAULT_EXECUTABLE, voice, DEFAULT_WORDS_PER_MINUTE, DEFAULT_PITCH,
                DEFAULT_STALL_TIMEOUT_MS);
    }

    /** The defaults for a BCP 47 language tag: {@code he-IL} speaks with {@code he}, {@code en-US} with en-us. */
    public static EspeakOptions forLanguage(String languageTag) {
        return forVoice(voiceFor(languageTag));
    }

    /**
     * The espeak-ng voice for a BCP 47 language tag ({@code he-IL} → {@code he}, {@code en-US} → {@code en-us}).
     * A bare language takes its region above; {@code iw}, Java's old code for Hebrew, counts as {@code he}.
     *
     * @throws IllegalArgumentException for a language with no voice chosen here
     */
    public static String voiceFor(String languageTag) {
        String tag = languageTag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        return switch (tag) {
            case "he", "he-il", "iw", "iw-il" -> "he";
            case "en", "en-us" -> "en-us";
            default -> throw new IllegalArgumentException("no espeak-ng voice chosen for language '" + languageTag
                    + "'; supported: he-IL, en-US");
        };
    }

    public EspeakOptions withExecutable(String newExecutable) {
        return new EspeakOptions(newExecutable, voice, wordsPerMinute, pitch, stallTimeoutMs);
    }

    public EspeakOptions withVoice(String newVoice) {
        return new EspeakOptions(executable, newVoice, wordsPerMinute, pitch, stallTimeoutMs);
    }

    public EspeakOptions withWordsPerMinute(int newWordsPerMinute) {
        return new EspeakOptions(executable, voice, newWordsPerMinute, pitch, stallTimeoutMs);
    }

    public EspeakOptions withPitch(int newPitch) {
        return new EspeakOptions(executable, voice, wordsPerMinute, newPitch, stallTimeoutMs);
    }

    public EspeakOptions withStallTimeoutMs(long newStallTimeoutMs) {
        return new EspeakOptions(executable, voice, wordsPerMinute, pitch, newStallTimeoutMs);
    }

    /**
     * The command that speaks the text written to its stdin as a WAV on its stdout. The text never appears in argv:
     * there it could be taken for an option (a leading '-') and would be visible to every user in {@code ps}.
     * {@code -b 1} pins the input encoding to UTF-8 whatever the locale; SSML stays off, so '<' and '&' are text.
     */
    List<String> synthesisCommand() {
        return List.of(executable, "-v", voice, "-s", Integer.toString(wordsPerMinute), "-p", Integer.toString(pitch),
                "-b", "1", "--stdin", "--stdout");
    }
}
