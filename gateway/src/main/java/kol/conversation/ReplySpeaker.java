package kol.conversation;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;
import kol.tx.Frame;
import kol.tx.OfferResult;
import kol.tx.TxQueue;

/**
 * Speaks one reply, sentence by sentence, into a call's TX queue. Each sentence is synthesised as soon as it arrives
 * (one at a time, in order); its audio is converted to 8 kHz μ-law and pumped into the queue as a well-behaved
 * producer: while the queue has room, otherwise waiting for room without holding a thread. A mark follows each
 * sentence ({@code <prefix>-s<n>}) and the reply's first frame ({@code <prefix>-first}), so playback of each can be
 * told apart from audio that a later clear threw away.
 *
 * <p>Thread-safe: sentences come from the dialog's thread, audio from the provider's, the pump runs on the
 * producers' executor; state is guarded by this object's lock, held briefly and never across a provider call.
 */
final class ReplySpeaker {
    /** What the conversation wants to hear about a reply. */
    interface Events {
        /** The first audio of the reply came out of text-to-speech. */
        void onFirstTtsAudio();

        /** The first frame of the reply entered the TX queue. */
        void onFirstFrameQueued();

        /** Text-to-speech failed for one sentence (it is skipped). */
        void onTtsError(String sentence, Exception error);
    }

    private final class Segment implements TtsListener {
        final String text;
        final String mark;
        final MuLawStream audio = new MuLawStream();
        final ProviderAudio converter;
        Cancellable synthesis = Cancellable.NONE;
        boolean synthesisDone;

        Segment(String text, String mark) {
            this.text = text;
            this.mark = mark;
            this.converter = new ProviderAudio(tts.format());
        }

        @Override
        public void onAudio(byte[] chunk, int off, int len) {
            if (cancelled) {
                return;
            }
            if (firstTtsAudio.compareAndSet(false, true)) {
                events.onFirstTtsAudio();
            }
            converter.convert(chunk, off, len, audio);
            schedule();
        }

        @Override
        public void onDone() {
            converter.finish(audio);
            audio.finish();
            synthesisFinished(this);
        }

        @Override
        public void onError(Exception error) {
            audio.finish();
            if (!cancelled) {
                events.onTtsError(text, error);
            }
            synthesisFinished(this);
        }
    }

    private final TxQueue tx;
    private final TextToSpeech tts;
    private final Executor executor;
    private final String markPrefix;
    private final Events events;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean firstTtsAudio = new AtomicBoolean();
    private final CompletableFuture<String> done = new CompletableFuture<>();
    private final byte[] frame = new byte[Frame.MEDIA_BYTES];
    private final Object pumpLock = new Object();
    private volatile boolean cancelled;
    private boolean finished;
    private boolean synthesising;
    private boolean firstFrameQueued;
    private int sentenceCount;
    private String lastMark;

    ReplySpeaker(TxQueue tx, TextToSpeech tts, Executor executor, String markPrefix, Events events) {
        this.tx = tx;
        this.tts = tts;
        this.executor = executor;
        this.markPrefix = markPrefix;
        this.events = events;
    }

    /** The mark after the reply's first frame. */
    String firstFrameMark() {
        return markPrefix + "-first";
    }

    /** Completes with the name of the last sentence's mark once all the reply's audio is queued (null if none). */
    CompletableFuture<String> done() {
        return done;
    }

    /** Queues one more sentence to speak. */
    void addSentence(String text) {
        Segment start;
        synchronized (this) {
            if (cancelled || finished) {
                return;
            }
            Segment segment = new Segment(text, markPrefix + "-s" + (++sentenceCount));
            segments.add(segment);
            start = synthesising ? null : segment;
            if (start != null) {
                synthesising = true;
            }
        }
        if (start != null) {
            startSynthesis(start);
        }
    }

    /** No more sentences will come. */
    void finish() {
        synchronized (this) {
            finished = true;
        }
        schedule();
    }

    /** Barge-in: stops synthesis and queuing at once. What is queued already is for the caller to flush. */
    void cancel() {
        Segment[] pending;
        synchronized (this) {
            cancelled = true;
            pending = segments.toArray(new Segment[0]);
            segments.clear();
        }
        for (Segment segment : pending) {
            segment.synthesis.cancel();
        }
        done.complete(null);
    }

    boolean isCancelled() {
        return cancelled;
    }

    private void startSynthesis(Segment segment) {
        Cancellable synthesis = tts.synthesize(segment.text, segment);
        synchronized (this) {
            segment.synthesis = synthesis;
        }
        if (cancelled) {
            synthesis.cancel();
        }
    }

    private void synthesisFinished(Segment segment) {
        Segment next = null;
        synchronized (this) {
            segment.synthesisDone = true;
            boolean seen = false;
            for (Segment candidate : segments) {
                if (seen && !candidate.synthesisDone) {
                    next = candidate;
                    break;
                }
                seen |= candidate == segment;
            }
            synthesising = next != null;
        }
        if (next != null && !cancelled) {
            startSynthesis(next);
        }
        schedule();
    }

    private void schedule() {
        if (!cancelled && scheduled.compareAndSet(false, true)) {
            executor.execute(this::pump);
        }
    }

    /**
     * Moves audio into the TX queue while it has room; marks after each finished sentence. Pumps never overlap (the
     * lock); a wake-up that comes while one runs schedules another, so none is lost.
     */
    private void pump() {
        scheduled.set(false);
        synchronized (pumpLock) {
            pumpLocked();
        }
    }

    private void pumpLocked() {
        while (!cancelled) {
            Segment head;
            synchronized (this) {
                head = segments.peek();
                if (head == null) {
                    if (finished) {
                        done.complete(lastMark);
                    }
                    return;
                }
            }
            if (!tx.hasRoom()) {
                tx.whenRoom().thenRunAsync(this::schedule, executor);
                return;
            }
            if (head.audio.takeFrame(frame)) {
                if (tx.offerMedia(frame, 0) == OfferResult.CLOSED) {
                    cancel();
                    return;
                }
                if (!firstFrameQueued) {
                    firstFrameQueued = true;
                    tx.offer(Frame.mark(firstFrameMark()));
                    events.onFirstFrameQueued();
                }
            } else if (head.audio.isDrained()) {
                tx.offer(Frame.mark(head.mark));
                synchronized (this) {
                    segments.poll();
                    lastMark = head.mark;
                }
            } else {
                return; // waiting for synthesis; the provider's next chunk schedules the pump again
            }
        }
    }
}
