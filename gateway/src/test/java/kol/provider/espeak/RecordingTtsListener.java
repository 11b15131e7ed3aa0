package kol.provider.espeak;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kol.provider.tts.TtsListener;

/** Keeps everything one synthesis delivers, counts every callback, and lets a test wait for the first chunk or end. */
final class RecordingTtsListener implements TtsListener {

    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private final AtomicInteger callbacks = new AtomicInteger();
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger ends = new AtomicInteger();
    private final CountDownLatch firstAudio = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Consumer<RecordingTtsListener> onFirstAudio;
    private final long delayPerChunkMs;
    private volatile boolean done;
    private volatile Exception error;

    RecordingTtsListener() {
        this(listener -> { }, 0);
    }

    /** Runs {@code onFirstAudio} inside the first {@code onAudio}, and sleeps in each one as a slow consumer would. */
    RecordingTtsListener(Consumer<RecordingTtsListener> onFirstAudio, long delayPerChunkMs) {
        this.onFirstAudio = onFirstAudio;
        this.delayPerChunkMs = delayPerChunkMs;
    }

    @Override
    public void onAudio(byte[] chunk, int off, int len) {
        callbacks.incrementAndGet();
        synchronized (audio) {
            audio.write(chunk, off, len);
        }
        if (chunks.incrementAndGet() == 1) {
            onFirstAudio.accept(this);
            firstAudio.countDown();
        }
        if (delayPerChunkMs > 0) {
            try {
                Thread.sleep(delayPerChunkMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onDone() {
        callbacks.incrementAndGet();
        done = true;
        ends.incrementAndGet();
        ended.countDown();
    }

    @Override
    public void onError(Exception e) {
        callbacks.incrementAndGet();
        error = e;
        ends.incrementAndGet();
        ended.countDown();
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitFirstAudio(Duration timeout) throws InterruptedException {
        return firstAudio.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int callbacks() {
        return callbacks.get();
    }

    int chunks() {
        return chunks.get();
    }

    int ends() {
        return ends.get();
    }

    boolean done() {
        return done;
    }

    Exception error() {
        return error;
    }

    short[] pcm() {
        byte[] bytes;
        synchronized (audio) {
            bytes = audio.toByteArray();
        }
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    int audioBytes() {
        synchronized (audio) {
            return audio.size();
        }
    }

    double seconds() {
        return (double) pcm().length / EspeakTts.SAMPLE_RATE_HZ;
    }

    double rms() {
        short[] pcm = pcm();
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return pcm.length == 0 ? 0 : Math.sqrt(sum / pcm.length);
    }
}
