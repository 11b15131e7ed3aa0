package kol.provider.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kol.audio.WavFormatException;
import kol.provider.Cancellable;
import kol.provider.tts.TtsListener;

/**
 * One utterance: runs espeak-ng, streams its samples to the listener as the pipe yields them, and is the
 * {@link Cancellable} its caller holds.
 *
 * <p>Threads: {@link #run} executes once on a synthesis worker and makes every listener call; {@link #checkStall}
 * runs on the watchdog; {@link #cancel} on any thread. Each listener call is made holding {@code lock} after checking
 * {@code finished}, and {@code cancel} sets {@code finished} under the same lock, so once {@code cancel} returns
 * nothing more is delivered: a callback already running is waited out, and a {@code cancel} from inside a callback
 * returns at once (the lock is re-entrant) with the rest suppressed. Deliveries also check {@code cancelled}, set
 * before the kill, because the kill closes our end of the pipe and the read failure it causes can reach a delivery
 * while {@code cancel} is still on its way to the lock; a cancelled utterance ends silently, not in an error. A
 * listener that throws ends the utterance, and hears its own exception back through {@code onError}.
 */
final class EspeakSynthesis implements Cancellable, Runnable {

    /**
     * glibc flushes espeak-ng's stdout to a pipe in 4 KiB blocks, so reads of this size take each block as it comes:
     * 2048 samples, 93 ms of audio at 22.05 kHz.
     */
    static final int CHUNK_BYTES = 4_096;
    private static final long MIN_WATCH_PERIOD_MS = 10;

    private final EspeakOptions options;
    private final String text;
    private final TtsListener listener;
    private final ScheduledExecutorService watchdog;
    private final Object lock = new Object();
    /** Guarded by {@code lock}: once true, the listener hears nothing more. */
    private boolean finished;
    /** Written by {@code cancel} before it reads {@link #process}; {@code run} writes that before reading this. */
    private volatile boolean cancelled;
    private volatile Process process;
    private volatile boolean stalled;
    private volatile long lastOutputNs;

    EspeakSynthesis(EspeakOptions options, String text, TtsListener listener, ScheduledExecutorService watchdog) {
        this.options = options;
        this.text = text;
        this.listener = listener;
        this.watchdog = watchdog;
    }

    @Override
    public void cancel() {
        cancelled = true;
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
        synchronized (lock) {
            finished = true;
        }
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        if (text.isBlank()) {
            // Nothing to say is not a failure: an empty reply from a dialog must not look like a broken voice.
            deliverDone();
            return;
        }
        lastOutputNs = System.nanoTime();
        long periodMs = Math.max(MIN_WATCH_PERIOD_MS, options.stallTimeoutMs() / 4);
        ScheduledFuture<?> watch = watchdog.scheduleWithFixedDelay(this::checkStall, periodMs, periodMs,
                TimeUnit.MILLISECONDS);
        Process started = null;
        try {
            started = EspeakProcess.start(options.synthesisCommand());
            process = started;
            if (!cancelled) {
                speak(started);
            }
        } catch (IOException | RuntimeException e) {
            deliverError(stalled ? stallError() : e);
        } finally {
            watch.cancel(false);
            if (started != null) {
                EspeakProcess.release(started);
            }
        }
    }

    private void speak(Process espeak) throws IOException {
        if (stalled) {
            throw stallError();
        }
        writeText(espeak);
        InputStream pcm = espeak.getInputStream();
        int sampleRateHz;
        try {
            sampleRateHz = WavStreamHeader.readPcm16Mono(pcm);
        } catch (WavFormatException e) {
            throw new WavFormatException("espeak-ng wrote something other than the expected WAV: " + e.getMessage());
        }
        if (sampleRateHz != WavStreamHeader.NO_OUTPUT && sampleRateHz != EspeakTts.SAMPLE_RATE_HZ) {
            throw new WavFormatException("espeak-ng wrote " + sampleRateHz + " Hz audio; this adapter announces "
                    + EspeakTts.SAMPLE_RATE_HZ + " Hz (an MBROLA voice? use one of espeak-ng's own)");
        }
        long audioBytes = sampleRateHz == WavStreamHeader.NO_OUTPUT ? 0 : pump(pcm);
        if (cancelled) {
            return;
        }
        int status = awaitExit(espeak);
        if (stalled) {
            throw stallError();
        }
        if (status != 0) {
            throw new IOException(EspeakProcess.describeExit(espeak, status, options.voice(), audioBytes));
        }
        deliverDone();
    }

    /** Writes the whole text and closes stdin: espeak-ng reads its input to the end before it speaks. */
    private void writeText(Process espeak) {
        // A NUL would end the text early: espeak-ng keeps it in a C string.
        byte[] utf8 = text.replace('\0', ' ').getBytes(StandardCharsets.UTF_8);
        try (OutputStream stdin = espeak.getOutputStream()) {
            stdin.write(utf8);
        } catch (IOException e) {
            // espeak-ng exits before reading stdin when it rejects its options (an unknown voice); its exit status
            // and stderr, read next, say why better than this broken pipe.
        }
    }

    /** Streams whole samples to the listener until the end of the output or a cancel; returns the bytes read. */
    private long pump(InputStream pcm) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long total = 0;
        int held = 0;
        int read;
        while ((read = pcm.read(chunk, held, chunk.length - held)) >= 0) {
            lastOutputNs = System.nanoTime();
            total += read;
            int available = held + read;
            // A pipe read can end inside a sample; its first byte waits at the front for the next read.
            int whole = available & ~1;
            if (whole > 0 && !deliverAudio(chunk, whole)) {
                break;
            }
            held = available - whole;
            if (held == 1) {
                chunk[0] = chunk[whole];
            }
        }
        return total;
    }

    private int awaitExit(Process espeak) throws IOException {
        try {
            if (!espeak.waitFor(options.stallTimeoutMs(), TimeUnit.MILLISECONDS)) {
                throw new IOException("espeak-ng closed its output but had not exited " + options.stallTimeoutMs()
                        + " ms later; killed");
            }
            return espeak.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for espeak-ng to exit");
        }
    }

    private void checkStall() {
        if (!stalled && System.nanoTime() - lastOutputNs > TimeUnit.MILLISECONDS.toNanos(options.stallTimeoutMs())) {
            stalled = true;
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }
    }

    private IOException stallError() {
        return new IOException("espeak-ng stalled: no output for " + options.stallTimeoutMs() + " ms; killed");
    }

    private boolean deliverAudio(byte[] chunk, int len) {
        synchronized (lock) {
            if (finished || cancelled) {
                return false;
            }
            listener.onAudio(chunk, 0, len);
            return true;
        }
    }

    private void deliverDone() {
        synchronized (lock) {
            if (!finished && !cancelled) {
                finished = true;
                listener.onDone();
            }
        }
    }

    private void deliverError(Exception error) {
        synchronized (lock) {
            if (!finished && !cancelled) {
                finished = true;
                listener.onError(error);
            }
        }
    }
}
