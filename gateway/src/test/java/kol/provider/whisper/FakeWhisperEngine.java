package kol.provider.whisper;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Stands in for the model: answers a scripted text, can be held mid-transcription, and keeps what it was given. */
final class FakeWhisperEngine implements WhisperEngine {

    final List<Integer> sampleCounts = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(0);
    volatile String answer = "שלום";
    volatile IOException failure;
    volatile float peak;
    volatile boolean closed;

    @Override
    public String transcribe(float[] samples, int count) throws IOException {
        sampleCounts.add(count);
        threads.add(Thread.currentThread().getName());
        float max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, Math.abs(samples[i]));
        }
        peak = max;
        started.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @Override
    public void close() {
        closed = true;
    }
}
