package kol.bench;

import java.util.concurrent.Executor;
import kol.tx.Frame;
import kol.tx.TxQueue;

/**
 * A producer of endless "speech" that is far faster than real time, like cloud TTS: whenever the queue has room it
 * writes frames at once, and otherwise waits for {@link TxQueue#whenRoom()} without holding a thread. A sentence
 * mark follows every second of audio.
 */
final class SyntheticSpeaker implements Runnable {
    private static final int FRAMES_PER_SENTENCE = 50;

    private final TxQueue queue;
    private final byte[] speech;
    private final Executor executor;
    private int frameIndex;
    private volatile boolean stopped;

    SyntheticSpeaker(TxQueue queue, byte[] speech, Executor executor) {
        this.queue = queue;
        this.speech = speech;
        this.executor = executor;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        int framesInSpeech = speech.length / Frame.MEDIA_BYTES;
        while (queue.hasRoom() && !stopped) {
            queue.offerMedia(speech, (frameIndex % framesInSpeech) * Frame.MEDIA_BYTES);
            frameIndex++;
            if (frameIndex % FRAMES_PER_SENTENCE == 0) {
                queue.offer(Frame.mark("s" + frameIndex / FRAMES_PER_SENTENCE));
            }
        }
        if (!stopped) {
            queue.whenRoom().thenRunAsync(this, executor);
        }
    }
}
