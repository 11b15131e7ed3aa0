package kol.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kol.audio.Telephony;

/**
 * The caller's side of the bot's audio, played out in real time as Twilio plays it: a per-call virtual clock
 * in 8 kHz samples that drains the buffer one sample per 125 µs while it holds audio, marks echoed once the
 * audio sent before them has played, and {@code clear} emptying the buffer and releasing every pending mark.
 *
 * <p>It measures what a caller would suffer from: the deepest buffer (audio the server sent ahead of real time,
 * heard as lag), and underruns (the buffer ran dry mid-utterance: audio came again less than
 * {@link #UNDERRUN_GAP_MS} later, heard as a gap).
 *
 * <p>Each talk spurt starts playing {@code jitterBufferMs} after its first audio arrives, as a real playout would,
 * so a server that paces at exactly 20 ms is not charged an underrun for every sub-millisecond of arrival jitter.
 *
 * <p>The audio waits in one ring of bytes per call, grown when a burst outruns it: it is advanced on every tick of
 * every call, so playing is index arithmetic on fields already at hand, with no chunk to visit and none to keep.
 *
 * <p>Times are {@code System.nanoTime()}-style values passed in, never read here, so tests drive it by hand. One
 * owner thread (the call's event loop); the clock must not go backwards.
 */
final class PlayoutBuffer {
    /** Audio arriving again within this gap after the buffer ran dry is the same utterance: an underrun. */
    static final int UNDERRUN_GAP_MS = 200;
    private static final long NS_PER_SAMPLE = 1_000_000_000L / Telephony.SAMPLE_RATE_HZ;
    private static final long SAMPLES_PER_MS = Telephony.SAMPLE_RATE_HZ / 1000;
    /** A second of audio: a server pacing in real time never needs more, and a burst grows the ring. */
    private static final int INITIAL_RING_BYTES = Telephony.SAMPLE_RATE_HZ;

    private final long originNs;
    private final long jitterSamples;
    private final PlayoutSink sink;
    private final Consumer<String> echo;

    private byte[] ring = new byte[INITIAL_RING_BYTES];
    /** Index in {@link #ring} of the first buffered byte. */
    private int ringHead;
    private int bufferedBytes;
    /** Clock position (samples since origin) at which the first buffered byte plays; meaningful while buffered. */
    private long playheadSample;
    /** How far the clock has run: everything before it has been played or passed as silence. */
    private long clockSample;
    private long playedBytes;
    private long enqueuedBytes;
    /** Clock position at which the buffer last ran dry; -1 before any audio and after a clear. */
    private long drainedAtSample = -1;

    private final ArrayDeque<PendingMark> marks = new ArrayDeque<>();
    private final List<MarkEcho> echoes = new ArrayList<>();
    private long maxDepthSamples;
    private int underruns;
    private int clears;

    /**
     * @param originNs clock origin (when {@code start} was sent); the recording's time zero
     * @param jitterBufferMs delay between a talk spurt's first audio and its playout
     * @param sink where played audio and silences go (a recording), or {@link PlayoutSink#NONE}
     * @param echo called with a mark's name when it must be echoed to the server
     */
    PlayoutBuffer(long originNs, int jitterBufferMs, PlayoutSink sink, Consumer<String> echo) {
        this.originNs = originNs;
        this.jitterSamples = jitterBufferMs * SAMPLES_PER_MS;
        this.sink = sink;
        this.echo = echo;
    }

    /** Plays everything due by {@code nowNs}, echoing the marks whose audio has played. */
    void advance(long nowNs) {
        long now = toSample(nowNs);
        if (bufferedBytes > 0 && playheadSample < now) {
            // Buffered audio is contiguous in time from the playhead on, so one step plays all that is due.
            silenceUntil(playheadSample);
            int n = (int) Math.min(now - playheadSample, bufferedBytes);
            int first = Math.min(n, ring.length - ringHead);
            sink.play(ring, ringHead, first);
            if (n > first) {
                sink.play(ring, 0, n - first);
            }
            ringHead = (ringHead + n) % ring.length;
            bufferedBytes -= n;
            playedBytes += n;
            playheadSample += n;
            clockSample = playheadSample;
            if (bufferedBytes == 0) {
                drainedAtSample = playheadSample;
            }
        }
        while (!marks.isEmpty() && marks.peekFirst().position <= playedBytes) {
            release(marks.pollFirst(), nowNs, false);
        }
        silenceUntil(now);
    }

    /** Audio from the server. */
    void onMedia(byte[] muLaw, long nowNs) {
        onMedia(muLaw, muLaw.length, nowNs);
    }

    /** Audio from the server: {@code muLaw[0, length)}. */
    void onMedia(byte[] muLaw, int length, long nowNs) {
        advance(nowNs);
        long now = toSample(nowNs);
        if (bufferedBytes == 0) {
            long gap = now - drainedAtSample;
            if (drainedAtSample >= 0 && gap > 0 && gap < UNDERRUN_GAP_MS * SAMPLES_PER_MS) {
                underruns++;
            }
            playheadSample = now + jitterSamples;
        }
        enqueue(muLaw, length);
        enqueuedBytes += length;
        maxDepthSamples = Math.max(maxDepthSamples, playheadSample + bufferedBytes - now);
    }

    /** A mark: echoed at once when nothing is buffered, else when the audio sent before it has played. */
    void onMark(String name, long nowNs) {
        advance(nowNs);
        PendingMark mark = new PendingMark(name, enqueuedBytes, nowNs);
        if (bufferedBytes == 0) {
            release(mark, nowNs, false);
        } else {
            marks.addLast(mark);
        }
    }

    /** Empties the buffer at once and echoes every pending mark, as Twilio does. */
    void onClear(long nowNs) {
        advance(nowNs);
        ringHead = 0;
        bufferedBytes = 0;
        // A deliberate stop is not a gap in the utterance: the next audio starts a new one.
        drainedAtSample = -1;
        clears++;
        while (!marks.isEmpty()) {
            release(marks.pollFirst(), nowNs, true);
        }
    }

    /** When the first pending mark's audio will have played; {@link Long#MAX_VALUE} when no mark is pending. */
    long nextMarkDueNs() {
        PendingMark mark = marks.peekFirst();
        if (mark == null) {
            return Long.MAX_VALUE;
        }
        return originNs + (playheadSample + mark.position - playedBytes) * NS_PER_SAMPLE;
    }

    /** Audio waiting to play at {@code nowNs}, in ms (including a spurt's jitter-buffer wait). */
    long depthMs(long nowNs) {
        return bufferedBytes == 0 ? 0 : (playheadSample + bufferedBytes - toSample(nowNs)) / SAMPLES_PER_MS;
    }

    long maxDepthMs() {
        return maxDepthSamples / SAMPLES_PER_MS;
    }

    int underruns() {
        return underruns;
    }

    int clears() {
        return clears;
    }

    /** Marks echoed so far, in echo order. */
    List<MarkEcho> echoes() {
        return echoes;
    }

    /** Marks still waiting for their audio to play (never echoed if the call ends now). */
    int pendingMarks() {
        return marks.size();
    }

    long playedMs() {
        return playedBytes / SAMPLES_PER_MS;
    }

    private void enqueue(byte[] muLaw, int length) {
        if (bufferedBytes + length > ring.length) {
            byte[] grown = new byte[Math.max(2 * ring.length, bufferedBytes + length)];
            int first = Math.min(bufferedBytes, ring.length - ringHead);
            System.arraycopy(ring, ringHead, grown, 0, first);
            System.arraycopy(ring, 0, grown, first, bufferedBytes - first);
            ring = grown;
            ringHead = 0;
        }
        int tail = (ringHead + bufferedBytes) % ring.length;
        int first = Math.min(length, ring.length - tail);
        System.arraycopy(muLaw, 0, ring, tail, first);
        System.arraycopy(muLaw, first, ring, 0, length - first);
        bufferedBytes += length;
    }

    private void release(PendingMark mark, long nowNs, boolean cleared) {
        echoes.add(new MarkEcho(mark.name, Math.max(0, (nowNs - mark.receivedNs) / 1_000_000), cleared));
        echo.accept(mark.name);
    }

    private void silenceUntil(long sample) {
        if (clockSample < sample) {
            sink.silence(sample - clockSample);
            clockSample = sample;
        }
    }

    private long toSample(long nowNs) {
        return Math.max(0, (nowNs - originNs) / NS_PER_SAMPLE);
    }

    /** {@code position}: bytes enqueued before the mark; it is due once that many bytes have played. */
    private record PendingMark(String name, long position, long receivedNs) {
    }
}
