package kol.provider.tts;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps what one synthesis delivers and counts the ends, so a test of any voice can check the listener contract.
 * Open for a test that needs to act on an event as it comes.
 */
public class RecordingTtsListener implements TtsListener {

    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger ends = new AtomicInteger();
    private final AtomicInteger afterEnd = new AtomicInteger();
    private final CountDownLatch firstAudio = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean done;
    private volatile Exception error;

    @Override
    public void onAudio(byte[] chunk, int off, int len) {
        if (ends.get() > 0) {
            afterEnd.incrementAndGet();
        }
        synchronized (audio) {
            audio.write(chunk, off, len);
        }
        chunks.incrementAndGet();
        firstAudio.countDown();
    }

    @Override
    public void onDone() {
        done = true;
        end();
    }

    @Override
    public void onError(Exception e) {
        error = e;
        end();
    }

    private void end() {
        if (ends.incrementAndGet() > 1) {
            afterEnd.incrementAndGet();
        }
        ended.countDown();
    }

    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean awaitFirstAudio(Duration timeout) throws InterruptedException {
        return firstAudio.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public byte[] audio() {
        synchronized (audio) {
            return audio.toByteArray();
        }
    }

    public int chunks() {
        return chunks.get();
    }

    public int ends() {
        return ends.get();
    }

    /** Callbacks that broke the contract: audio after the end, or a second end. */
    public int afterEnd() {
        return afterEnd.get();
    }

    public boolean done() {
        return done;
    }

    public Exception error() {
        return error;
    }
}
