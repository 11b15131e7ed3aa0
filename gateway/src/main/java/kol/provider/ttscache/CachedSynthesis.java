package kol.provider.ttscache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed phrase: replayed from its file when there is one, otherwise synthesised by the provider, passed on as it
 * comes and stored once it is complete. Audio cut short by a cancel or an error is never stored.
 *
 * <p>Threads: {@link #run} on a cache worker (the file read stays off the caller's thread); on a miss the provider's
 * callbacks on its own threads; {@link #cancel} on any. Every listener call is made under {@code lock} after checking
 * {@code decided}, and {@code cancel} sets it and then takes the lock, so nothing is delivered after it returns, from
 * the file or from the provider, even when the provider is started while the cancel is on its way.
 */
final class CachedSynthesis implements Cancellable, Runnable, TtsListener {

    /** Replay chunk: even, so 16-bit samples stay whole; 4096 bytes is 0.5 s of μ-law, 85 ms of 24 kHz PCM. */
    static final int CHUNK_BYTES = 4096;
    /**
     * A phrase longer than this is passed on but not stored: 1 MiB is two minutes of μ-law, twenty seconds of 24 kHz
     * PCM, more than any greeting; the bound keeps a mistaken "fixed" text from filling memory.
     */
    static final int MAX_STORED_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(TtsCache.class);

    private final TextToSpeech provider;
    private final PhraseStore store;
    private final String text;
    private final TtsListener listener;
    private final Object lock = new Object();
    private volatile boolean decided;
    private volatile Cancellable providerSynthesis;
    /**
     * What the provider delivered so far; null when replaying from the file or once the phrase outgrew
     * {@link #MAX_STORED_BYTES}. Set before the provider starts, then written only by its callbacks, one at a time.
     */
    private ByteArrayOutputStream recorded;

    CachedSynthesis(TextToSpeech provider, PhraseStore store, String text, TtsListener listener) {
        this.provider = provider;
        this.store = store;
        this.text = text;
        this.listener = listener;
    }

    @Override
    public void run() {
        if (decided) {
            return;
        }
        Path file = store.fileFor(text);
        byte[] audio;
        try {
            audio = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            synthesiseAndStore();
            return;
        } catch (IOException e) {
            LOG.warn("TTS cache: cannot read {} ({}); synthesising the phrase instead", file, e.toString());
            synthesiseAndStore();
            return;
        }
        replay(audio);
    }

    private void replay(byte[] audio) {
        try {
            for (int at = 0; at < audio.length; at += CHUNK_BYTES) {
                synchronized (lock) {
                    if (decided) {
                        return;
                    }
                    listener.onAudio(audio, at, Math.min(CHUNK_BYTES, audio.length - at));
                }
            }
        } catch (RuntimeException e) {
            // As the providers do: a listener that throws ends the synthesis and hears its own exception back.
            onError(e);
            return;
        }
        onDone();
    }

    private void synthesiseAndStore() {
        recorded = new ByteArrayOutputStream();
        Cancellable started = provider.synthesize(text, this);
        providerSynthesis = started;
        if (decided) {
            started.cancel();
        }
    }

    @Override
    public void onAudio(byte[] chunk, int off, int len) {
        synchronized (lock) {
            if (decided) {
                return;
            }
            listener.onAudio(chunk, off, len);
        }
        if (recorded != null) {
            if (recorded.size() + len > MAX_STORED_BYTES) {
                recorded = null;
            } else {
                recorded.write(chunk, off, len);
            }
        }
    }

    @Override
    public void onDone() {
        ByteArrayOutputStream audio = recorded;
        if (!decided && audio != null && audio.size() > 0) {
            try {
                store.store(text, audio.toByteArray(), audio.size());
            } catch (IOException e) {
                LOG.warn("TTS cache: cannot store a phrase in {} ({}); it will be synthesised again next time",
                        store.dir(), e.toString());
            }
        }
        synchronized (lock) {
            if (!decided) {
                decided = true;
                listener.onDone();
            }
        }
    }

    @Override
    public void onError(Exception error) {
        synchronized (lock) {
            if (!decided) {
                decided = true;
                listener.onError(error);
            }
        }
    }

    @Override
    public void cancel() {
        decided = true;
        Cancellable started = providerSynthesis;
        if (started != null) {
            started.cancel();
        }
        synchronized (lock) {
            // Waits out a delivery in progress; every later one sees the decision and is dropped.
            decided = true;
        }
    }
}
