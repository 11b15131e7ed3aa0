package kol.provider.ttscache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;

/** A provider that speaks a fixed script on its own thread and remembers every text it was asked for. */
final class ScriptedTts implements TextToSpeech, AutoCloseable {

    final List<String> texts = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile byte[] audio = {1, 2, 3, 4};
    volatile int chunkBytes = 2;
    volatile long chunkDelayMs;
    volatile Exception failAtEnd;
    volatile String name = "scripted";

    @Override
    public AudioFormat format() {
        return AudioFormat.MULAW_8K;
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
        texts.add(text);
        AtomicBoolean cancelled = new AtomicBoolean();
        byte[] script = audio;
        int chunk = chunkBytes;
        Exception failure = failAtEnd;
        long delayMs = chunkDelayMs;
        Thread speaker = new Thread(() -> {
            for (int at = 0; at < script.length && !cancelled.get(); at += chunk) {
                listener.onAudio(script, at, Math.min(chunk, script.length - at));
                pause(delayMs);
            }
            if (cancelled.get()) {
                return;
            }
            if (failure != null) {
                listener.onError(failure);
            } else {
                listener.onDone();
            }
        });
        speaker.start();
        return () -> {
            cancelled.set(true);
            try {
                speaker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
    }
}
