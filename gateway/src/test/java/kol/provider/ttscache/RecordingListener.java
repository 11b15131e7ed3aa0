package kol.provider.ttscache;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kol.provider.tts.TtsListener;

/** Keeps what one synthesis delivers and counts the ends, so a test can check the listener contract. */
class RecordingListener implements TtsListener {

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

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitFirstAudio(Duration timeout) throws InterruptedException {
        return firstAudio.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    byte[] audio() {
        synchronized (audio) {
            return audio.toByteArray();
        }
    }

    int chunks() {
        return chunks.get();
    }

    int ends() {
        return ends.get();
    }

    /** Callbacks that broke the contract: audio after the end, or a second end. */
    int afterEnd() {
        return afterEnd.get();
    }

    boolean done() {
        return done;
    }

    Exception error() {
        return error;
    }
}
