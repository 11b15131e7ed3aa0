package kol.provider.ttscache;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kol.base.Knobs;
import kol.base.Settings;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;

/**
 * A {@link TextToSpeech} in front of a cloud provider that renders each fixed phrase (the greeting, the fallback
 * lines: texts known before any call) once and replays it from disk after that: no provider call, no provider
 * latency, no cost, and the greeting still plays while the provider is down, once it has been heard.
 *
 * <p>The caller decides what is fixed: the phrases given at construction, compared after {@link String#strip()}.
 * Everything else (a dialog's replies) goes straight to the provider. Replies are not cached by content because a
 * reply repeated word for word is rare and the directory would grow without bound.
 *
 * <p>The first call for a phrase is passed on as the provider speaks it and stored when it completes (see
 * {@link PhraseStore}); a later call reads the file on a cache worker and delivers it in chunks of
 * {@link CachedSynthesis#CHUNK_BYTES}. Files are keyed by {@link #name()}, the provider's voice key (voice, rate,
 * model…), the audio format and the text. A file that cannot be read or written costs a log line and a provider call,
 * never the phrase. Thread-safe; one instance serves every call.
 */
public final class TtsCache implements TextToSpeech, AutoCloseable {

    private static final ExecutorService WORKERS = workers();

    private final TextToSpeech provider;
    private final Set<String> fixedPhrases;
    private final PhraseStore store;

    /**
     * @param provider the provider that renders phrases not yet on disk
     * @param voiceKey what makes the provider's audio sound as it does (voice, language, rate, model)
     * @param dir where the files go; created when the first phrase is stored
     * @param fixedPhrases the texts to cache
     */
    public TtsCache(TextToSpeech provider, String voiceKey, Path dir, Set<String> fixedPhrases) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.fixedPhrases = fixedPhrases.stream().map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.store = new PhraseStore(dir, provider.name(), Objects.requireNonNull(voiceKey, "voiceKey"),
                provider.format());
    }

    /**
     * {@code provider} behind a cache of {@code fixedPhrases} in {@code TTS_CACHE_DIR}, or {@code provider} itself
     * when {@code TTS_CACHE=false}.
     */
    public static TextToSpeech wrap(Settings settings, TextToSpeech provider, String voiceKey,
            Set<String> fixedPhrases) {
        if (!settings.get(Knobs.TTS_CACHE)) {
            return provider;
        }
        return new TtsCache(provider, voiceKey, Path.of(settings.get(Knobs.TTS_CACHE_DIR)), fixedPhrases);
    }

    /** Closes the provider behind the cache, when it holds a client. */
    @Override
    public void close() throws Exception {
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Whether {@code text} is one of the fixed phrases, and so is replayed from disk once rendered. */
    public boolean cacheable(String text) {
        return fixedPhrases.contains(text.strip());
    }

    /** The file {@code text} is, or would be, stored in. */
    public Path fileFor(String text) {
        return store.fileFor(text);
    }

    @Override
    public AudioFormat format() {
        return provider.format();
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(listener, "listener");
        if (!cacheable(text)) {
            return provider.synthesize(text, listener);
        }
        CachedSynthesis synthesis = new CachedSynthesis(provider, store, text.strip(), listener);
        WORKERS.execute(synthesis);
        return synthesis;
    }

    /** The provider's name: the audio is the provider's, wherever it was kept. */
    @Override
    public String name() {
        return provider.name();
    }

    /**
     * Replays read a small file and hand it over; a miss only starts the provider's own asynchronous call. Two
     * threads cover a burst of greetings at call start without holding idle threads (they end after 30 s).
     */
    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "tts-cache-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
