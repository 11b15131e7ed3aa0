package kol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pacer on a hand-advanced clock: no sleeps, exact times. */
class TxPacerTest {
    private static final long MS = 1_000_000L;

    private final long[] now = {1_000 * MS};
    private final List<TxSecond> seconds = new ArrayList<>();
    private final List<String> marksSent = new ArrayList<>();
    private final List<TxStats> detached = new ArrayList<>();
    private TxPacer pacer;

    @BeforeEach
    void setUp() {
        CachedNanoClock clock = new CachedNanoClock();
        clock.update(now[0]);
        pacer = TxPacer.manual(clock, new TxTelemetry() {
            @Override
            public void onSecond(TxSecond second) {
                seconds.add(second);
            }

            @Override
            public void onMarkSent(String callId, String markName, long nowNs) {
                marksSent.add(callId + ":" + markName + "@" + nowNs);
            }

            @Override
            public void onDetached(TxStats stats) {
                detached.add(stats);
            }
        });
    }

    /** Advances the manual clock in 1 ms steps, running the pacer at every step. */
    private void runFor(long durationNs) {
        long end = now[0] + durationNs;
        while (now[0] < end) {
            now[0] += MS;
            pacer.doWork(now[0]);
        }
    }

    private static TxQueue queueWith(int mediaFrames) {
        TxQueue queue = new TxQueue(TxQueueConfig.defaults().withCapacity(Math.max(16, mediaFrames)).withLeadFrames(0));
        for (int i = 0; i < mediaFrames; i++) {
            queue.offerMedia(TestFrames.numbered(i), 0);
        }
        return queue;
    }

    @Test
    void sendsExactlyFiftyFramesPerSecondTwentyMillisecondsApart() {
        RecordingSink sink = new RecordingSink(now);
        TxQueue queue = queueWith(500);
        pacer.attach("call-1", queue, sink);
        pacer.doWork(now[0]);

        runFor(3_000 * MS);

        List<Long> times = sink.mediaTimes();
        assertThat(times).hasSizeBetween(149, 150);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(20 * MS);
        }
        assertThat(seconds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(seconds).allSatisfy(s -> {
            assertThat(s.fps()).isEqualTo(50);
            assertThat(s.drops()).isZero();
            assertThat(s.dev99Ms()).isZero();
        });
        List<Frame> frames = sink.frames();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(TestFrames.number(frames.get(i))).isEqualTo(i);
        }
    }

    @Test
    void sendsOnlyOneMediaFramePerDeadlineEvenWhenTheClockIsCheckedOften() {
        RecordingSink sink = new RecordingSink(now);
        pacer.attach("c", queueWith(100), sink);
        for (int i = 0; i < 1000; i++) {
            now[0] += 100_000L; // 0.1 ms steps
            pacer.doWork(now[0]);
        }
        assertThat(sink.mediaTimes()).hasSizeBetween(4, 5);
    }

    @Test
    void catchesUpWithoutResyncWhenUpToTwoFramesLate() {
        RecordingSink sink = new RecordingSink(now);
        PacerHandle handle = pacer.attach("c", queueWith(200), sink);
        runFor(200 * MS);
        int before = sink.mediaTimes().size();
        long deadline = sink.mediaTimes().get(before - 1) + 20 * MS;
        now[0] = deadline + 39 * MS; // a stall: the next deadline is 39 ms behind, under two frames
        pacer.doWork(now[0]);
        assertThat(sink.mediaTimes().size() - before).as("caught up in one cycle").isEqualTo(2);
        runFor(1_000 * MS);
        assertThat(handle.stats().resyncs()).isZero();
        // The average rate is kept: deadline += 20 ms never slips.
        List<Long> times = sink.mediaTimes();
        long first = times.get(0);
        long last = times.get(times.size() - 1);
        assertThat((last - first) / (times.size() - 1)).isEqualTo(20 * MS);
    }

    @Test
    void resyncsWhenMoreThanTwoFramesLate() {
        RecordingSink sink = new RecordingSink(now);
        PacerHandle handle = pacer.attach("c", queueWith(300), sink);
        runFor(200 * MS);
        int before = sink.mediaTimes().size();
        long deadline = sink.mediaTimes().get(before - 1) + 20 * MS;
        now[0] = deadline + 41 * MS; // just over two frames behind
        long stallEnd = now[0];
        pacer.doWork(now[0]);
        assertThat(handle.stats().resyncs()).isEqualTo(1);
        assertThat(sink.mediaTimes().size() - before).as("no burst after a resync").isEqualTo(1);
        runFor(1_000 * MS);
        List<Long> times = sink.mediaTimes();
        int resumed = times.indexOf(stallEnd);
        for (int i = resumed + 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(20 * MS);
        }
        assertThat(seconds.get(seconds.size() - 1).resyncs()).isEqualTo(1);
    }

    @Test
    void marksLeaveRightAfterTheirAudio() {
        RecordingSink sink = new RecordingSink(now);
        TxQueue queue = queueWith(0);
        queue.offer(TestFrames.media(0));
        queue.offer(TestFrames.media(1));
        queue.offer(Frame.mark("sentence-1"));
        queue.offer(TestFrames.media(2));
        queue.offer(Frame.mark(TxLogReporter.GREETING_END));
        pacer.attach("c", queue, sink);
        runFor(200 * MS);

        List<RecordingSink.Sent> sent = sink.sent();
        assertThat(sent).extracting(s -> s.frame().toString()).containsExactly("MEDIA", "MEDIA", "MARK(sentence-1)",
                "MEDIA", "MARK(greeting_end)");
        assertThat(sent.get(2).atNs()).as("mark sent in the same cycle as the audio before it")
                .isEqualTo(sent.get(1).atNs());
        assertThat(sent.get(4).atNs()).isEqualTo(sent.get(3).atNs());
        assertThat(marksSent).hasSize(2);
        assertThat(marksSent.get(1)).startsWith("c:greeting_end@");
    }

    @Test
    void dropsMediaButHoldsControlWhenTheSinkIsFull() {
        RecordingSink sink = new RecordingSink(now);
        TxQueue queue = queueWith(10);
        queue.offer(Frame.mark("after-10"));
        PacerHandle handle = pacer.attach("c", queue, sink);
        runFor(60 * MS);
        int sentBefore = sink.sent().size();
        sink.setSendQueue(144, 144);
        runFor(400 * MS);
        assertThat(sink.sent()).hasSize(sentBefore);
        assertThat(handle.stats().sinkDrops()).isGreaterThan(0);
        assertThat(queue.depth()).as("the mark waits in the queue").isEqualTo(1);

        sink.setSendQueue(0, 144);
        runFor(40 * MS);
        assertThat(sink.frames().get(sink.frames().size() - 1)).isEqualTo(Frame.mark("after-10"));
        assertThat(handle.stats().drops()).isEqualTo(handle.stats().sinkDrops());
        assertThat(handle.stats().mediaSent() + handle.stats().sinkDrops()).isEqualTo(10);
    }

    @Test
    void reportsSinkDropsInTheSecondTheyHappen() {
        RecordingSink sink = new RecordingSink(now);
        pacer.attach("c", queueWith(200), sink);
        sink.setSendQueue(5, 5);
        runFor(1_100 * MS);
        assertThat(seconds).isNotEmpty();
        TxSecond second = seconds.get(0);
        assertThat(second.sinkDropsInSecond()).isEqualTo(50);
        assertThat(second.fps()).isZero();
        assertThat(second.sendq()).isEqualTo(5);
        assertThat(second.drops()).isEqualTo(50);
    }

    @Test
    void stopEndsTheCallAfterItsAudio() {
        RecordingSink sink = new RecordingSink(now);
        TxQueue queue = queueWith(3);
        queue.offer(Frame.stop());
        PacerHandle handle = pacer.attach("c", queue, sink);
        runFor(200 * MS);
        assertThat(sink.frames()).extracting(Frame::kind).containsExactly(FrameKind.MEDIA, FrameKind.MEDIA,
                FrameKind.MEDIA, FrameKind.STOP);
        assertThat(sink.detached).isTrue();
        assertThat(handle.stats().isDetached()).isTrue();
        assertThat(detached).containsExactly(handle.stats());
        assertThat(pacer.callCount()).isZero();
        assertThat(queue.isClosed()).isTrue();
    }

    @Test
    void detachStopsServingTheCall() {
        RecordingSink sink = new RecordingSink(now);
        PacerHandle handle = pacer.attach("c", queueWith(100), sink);
        runFor(100 * MS);
        handle.detach();
        int sent = sink.sent().size();
        runFor(100 * MS);
        assertThat(sink.sent().size()).isLessThanOrEqualTo(sent + 1);
        assertThat(sink.detached).isTrue();
        assertThat(pacer.callCount()).isZero();
    }

    @Test
    void spreadsCallsOverThePhasesOfTheCycle() {
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RecordingSink sink = new RecordingSink(now);
            sinks.add(sink);
            pacer.attach("c" + i, queueWith(100), sink);
        }
        runFor(100 * MS);
        long[] perPhase = new long[20];
        for (RecordingSink sink : sinks) {
            long t = sink.mediaTimes().get(0);
            perPhase[(int) ((t / MS) % 20)]++;
        }
        assertThat(perPhase).containsOnly(2L);
        for (RecordingSink sink : sinks) {
            List<Long> times = sink.mediaTimes();
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).isEqualTo(20 * MS);
            }
        }
    }

    @Test
    void secondLineCarriesQueueDepthAndMaximum() {
        RecordingSink sink = new RecordingSink(now);
        TxQueue queue = queueWith(80);
        pacer.attach("c", queue, sink);
        runFor(1_010 * MS);
        TxSecond first = seconds.get(0);
        assertThat(first.qmax()).isEqualTo(80);
        assertThat(first.q()).isEqualTo(30);
        assertThat(first.logLine()).startsWith("[TX] fps=50 q=30 drops=0 qmax=80 sendq=0 busy=50 ").endsWith("call=c");
    }

    @Test
    void idleCallSendsNothingButStillReportsEachSecond() {
        RecordingSink sink = new RecordingSink(now);
        pacer.attach("idle", queueWith(0), sink);
        runFor(2_100 * MS);
        assertThat(sink.sent()).isEmpty();
        assertThat(seconds).hasSize(2).allSatisfy(s -> assertThat(s.fps()).isZero());
    }

    @Test
    void aSinkThatThrowsLosesItsCallButNotTheOthers() {
        List<String> failures = new ArrayList<>();
        CachedNanoClock clock = new CachedNanoClock();
        TxPacer local = TxPacer.manual(clock, new TxTelemetry() {
            @Override
            public void onSecond(TxSecond second) {
            }

            @Override
            public void onMarkSent(String callId, String markName, long nowNs) {
            }

            @Override
            public void onSinkFailure(String callId, RuntimeException failure) {
                failures.add(callId + ":" + failure.getMessage());
            }
        });
        RecordingSink healthy = new RecordingSink(now);
        FrameSink broken = new FrameSink() {
            @Override
            public boolean canAccept() {
                return true;
            }

            @Override
            public int sendQueueFrames() {
                return 0;
            }

            @Override
            public void write(Frame frame) {
                throw new IllegalStateException("socket is closed");
            }
        };
        PacerHandle brokenHandle = local.attach("broken", queueWith(100), broken);
        local.attach("healthy", queueWith(100), healthy);
        for (int i = 0; i < 1000; i++) {
            now[0] += MS;
            local.doWork(now[0]);
        }
        assertThat(failures).containsExactly("broken:socket is closed");
        assertThat(brokenHandle.stats().isDetached()).isTrue();
        assertThat(healthy.mediaTimes()).hasSizeBetween(49, 50);
        assertThat(local.callCount()).isEqualTo(1);
    }
}
