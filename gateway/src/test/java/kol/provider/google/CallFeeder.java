package kol.provider.google;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import kol.provider.stt.SttStream;

/**
 * Feeds a call's audio to a recogniser the way the conversation does: {@code STT_BATCH_MS} batches (50 ms = 400
 * bytes) from one reused buffer, so the recogniser must copy what it keeps.
 */
final class CallFeeder {
    static final int BATCH_BYTES = 50 * CallAudio.BYTES_PER_MS;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SttStream stt;
    private final byte[] batch = new byte[BATCH_BYTES];
    private final long startNs = System.nanoTime();
    private long fedBytes;

    CallFeeder(SttStream stt) {
        this.stt = stt;
    }

    /** Feeds {@code audio[from, to)} as fast as the recogniser takes it. */
    CallFeeder feed(byte[] audio, int from, int to) {
        return feed(audio, from, to, 0);
    }

    /**
     * Feeds {@code audio[from, to)} at most {@code speedUp} times faster than real time (0: no limit), for tests whose
     * server answers must keep up with the audio clock as they would in a real call.
     */
    CallFeeder feed(byte[] audio, int from, int to, double speedUp) {
        for (int at = from; at < to; at += BATCH_BYTES) {
            int n = Math.min(BATCH_BYTES, to - at);
            System.arraycopy(audio, at, batch, 0, n);
            stt.sendAudio(batch, 0, n);
            fedBytes += n;
            if (speedUp > 0) {
                long dueNs = startNs + (long) (fedBytes * 125_000 / speedUp);
                long waitNs = dueNs - System.nanoTime();
                if (waitNs > 0) {
                    LockSupport.parkNanos(waitNs);
                }
            }
        }
        return this;
    }

    /**
     * Feeds a whole call, and after each utterance and the half second of silence that follows it waits for its final
     * before going on: the pace of a caller who speaks, pauses and is answered, at the speed the server answers.
     */
    CallFeeder feedAwaitingFinals(CallScript script, RecordingSttListener listener) {
        int at = 0;
        for (int k = 0; k < script.utterances().size(); k++) {
            int next = k + 1 < script.utterances().size() ? script.utterances().get(k + 1).startByte()
                    : script.audio().length;
            int pause = Math.min(next, script.utterances().get(k).endByte() + 500 * CallAudio.BYTES_PER_MS);
            feed(script.audio(), at, pause);
            at = pause;
            awaitFinals(listener, k + 1);
        }
        return feed(script.audio(), at, script.audio().length);
    }

    /** A plain poll: a few hundred waits per call, each usually a millisecond or two. */
    private static void awaitFinals(RecordingSttListener listener, int count) {
        long deadlineNs = System.nanoTime() + WAIT.toNanos();
        while (listener.finals().size() < count) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("final " + count + " did not arrive within " + WAIT + "; finals so far: "
                        + listener.finalTexts());
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
