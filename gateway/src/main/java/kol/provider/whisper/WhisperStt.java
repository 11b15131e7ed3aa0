package kol.provider.whisper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kol.base.Knobs;
import kol.base.Settings;
import kol.carrier.CallInfo;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;

/**
 * Offline recognition with Whisper (whisper.cpp), for utterance mode ({@code ENABLE_STREAMING_STT=false}): each
 * call's stream keeps the caller's μ-law until the VAD says the utterance ended, then the utterance is resampled to
 * 16 kHz and transcribed on a worker, and its words arrive as one {@code onFinal}. No partials: Whisper reads a whole
 * utterance at a time.
 *
 * <p>One worker transcribes for every call, one utterance at a time: whisper.cpp already spreads one transcription
 * over {@code WHISPER_THREADS} cores, so two at once would only each take twice as long. At most
 * {@link #MAX_WAITING} utterances wait; beyond that an utterance is refused at once with {@code onError} rather than
 * answered so late the caller has hung up. Thread-safe; close it at shutdown to free the model.
 */
public final class WhisperStt implements SpeechToText, AutoCloseable {

    /** Utterances waiting for the worker; at a second or two each, eight is already a long wait. */
    static final int MAX_WAITING = 8;
    static final long CLOSE_WAIT_S = 30;

    private final WhisperEngine engine;
    private final ThreadPoolExecutor worker;

    WhisperStt(WhisperEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING),
                task -> {
                    Thread thread = new Thread(task, "whisper");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Whisper with the model {@code WHISPER_MODEL} for {@code WHISPER_LANGUAGE}, loaded now (seconds for a large
     * model) so a missing or broken model stops start-up rather than the first call.
     *
     * @throws IOException with what is wrong and what to do: no such file, not a whisper.cpp model, an English-only
     *     model for another language, or native code that does not load on this platform
     */
    public static WhisperStt fromSettings(Settings settings) throws IOException {
        return new WhisperStt(WhisperJniEngine.load(Path.of(settings.get(Knobs.WHISPER_MODEL)),
                settings.get(Knobs.WHISPER_LANGUAGE), settings.get(Knobs.WHISPER_THREADS)));
    }

    @Override
    public SttStream open(CallInfo call, SttListener listener) {
        return new WhisperStream(this, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public boolean recognisesWords() {
        return true;
    }

    @Override
    public String name() {
        return "whisper";
    }

    /** Queues {@code job} for the worker; false when too many utterances are waiting already. */
    boolean submit(Runnable job) {
        try {
            worker.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    WhisperEngine engine() {
        return engine;
    }

    /**
     * Stops the worker (waiting utterances are dropped, one being transcribed finishes first) and frees the model.
     * If the transcription is still running after {@link #CLOSE_WAIT_S}, the model is left allocated: freeing it
     * under whisper.cpp's feet would crash the JVM, and a leak at shutdown costs nothing.
     */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (worker.awaitTermination(CLOSE_WAIT_S, TimeUnit.SECONDS)) {
                engine.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
