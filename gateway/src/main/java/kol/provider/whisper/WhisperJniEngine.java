package kol.provider.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp through the whisper-jni binding: one model context, greedy decoding, the language fixed (no detection,
 * which costs time and guesses wrong on short phone utterances). Not thread-safe: whisper.cpp keeps its decoding
 * state in the context, so {@link WhisperStt} calls it from one worker thread only.
 */
final class WhisperJniEngine implements WhisperEngine {

    /** Loads the native libraries; a seam so a test can stand in a platform they do not load on. */
    @FunctionalInterface
    interface NativeLoader {
        void load() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WhisperJniEngine.class);
    /**
     * What Whisper writes for non-speech ("[BLANK_AUDIO]", "(music)", "[ Silence ]"): a whole segment in brackets.
     * It is not words the caller said, and a dialog would take it for some.
     */
    private static final Pattern NON_SPEECH = Pattern.compile("^\\s*[\\[(][^\\])]*[\\])]\\s*$");
    private static boolean nativesLoaded;

    private final WhisperJNI whisper;
    private final WhisperContext context;
    private final WhisperFullParams params;

    private WhisperJniEngine(WhisperJNI whisper, WhisperContext context, WhisperFullParams params) {
        this.whisper = whisper;
        this.context = context;
        this.params = params;
    }

    /**
     * Loads {@code model} for {@code language} (ISO 639-1).
     *
     * @param threads CPU threads whisper.cpp may use; 0 for all cores
     * @throws IOException naming the file and what to do when the model is missing, unreadable or not a whisper.cpp
     *     model, or the native library does not load on this platform
     */
    static WhisperJniEngine load(Path model, String language, int threads) throws IOException {
        return load(model, language, threads, WhisperJniEngine::loadNativesOnce);
    }

    static WhisperJniEngine load(Path model, String language, int threads, NativeLoader natives)
            throws IOException {
        checkModelFile(model);
        try {
            natives.load();
        } catch (IOException | LinkageError e) {
            throw new IOException("the whisper.cpp native library does not load on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ": " + e + ". whisper-jni ships builds for Linux (glibc) "
                    + "x86-64 and arm64, macOS and Windows x86-64; elsewhere use STT_PROVIDER=google or none.", e);
        }
        WhisperJNI whisper = new WhisperJNI();
        WhisperContext context = whisper.init(model);
        if (context == null) {
            // whisper.cpp says why on stderr ("bad magic", "unknown tensor"); the JNI call only returns null.
            throw new IOException("WHISPER_MODEL=" + model + " is not a model whisper.cpp can load (its reason is in "
                    + "the log above). Use a ggml .bin file made for whisper.cpp: see docs/whisper.md");
        }
        if (!language.equals("en") && !whisper.isMultilingual(context)) {
            context.close();
            throw new IOException("WHISPER_MODEL=" + model + " is an English-only model; WHISPER_LANGUAGE=" + language
                    + " needs a multilingual one (a name without .en): see docs/whisper.md");
        }
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.language = language.toLowerCase(Locale.ROOT);
        params.detectLanguage = false;
        params.translate = false;
        params.nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // An utterance is short and stands alone: no carried context, one segment, no timestamps to compute.
        params.noContext = true;
        params.singleSegment = true;
        params.noTimestamps = true;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.printSpecial = false;
        params.suppressBlank = true;
        params.suppressNonSpeechTokens = true;
        return new WhisperJniEngine(whisper, context, params);
    }

    static void checkModelFile(Path model) throws IOException {
        if (!Files.exists(model)) {
            throw new IOException("WHISPER_MODEL=" + model + " does not exist (working directory "
                    + Path.of("").toAbsolutePath() + "). Get a whisper.cpp ggml model as docs/whisper.md explains.");
        }
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new IOException("WHISPER_MODEL=" + model + " is not a readable file");
        }
        if (Files.size(model) == 0) {
            throw new IOException("WHISPER_MODEL=" + model + " is empty (an interrupted download?)");
        }
    }

    /** The binding extracts its libraries to a temporary directory and loads them; once per JVM is enough. */
    private static synchronized void loadNativesOnce() throws IOException {
        if (!nativesLoaded) {
            WhisperJNI.loadLibrary(message -> LOG.debug("{}", message));
            nativesLoaded = true;
        }
    }

    @Override
    public String transcribe(float[] samples, int count) throws IOException {
        int status = whisper.full(context, params, samples, count);
        if (status != 0) {
            throw new IOException("whisper.cpp failed to transcribe (whisper_full returned " + status + ")");
        }
        StringBuilder text = new StringBuilder();
        int segments = whisper.fullNSegments(context);
        for (int i = 0; i < segments; i++) {
            String segment = whisper.fullGetSegmentText(context, i);
            if (segment != null && !NON_SPEECH.matcher(segment).matches()) {
                text.append(segment);
            }
        }
        return text.toString().strip();
    }

    @Override
    public void close() {
        context.close();
    }

    static boolean isNonSpeech(String segment) {
        return NON_SPEECH.matcher(segment).matches();
    }
}
