package kol.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TxQueueTest {

    /** Takes the next frame the way the pacer does: a due control frame first, else the oldest media frame. */
    static Frame take(TxQueue queue) {
        Frame control = queue.pollDueControl();
        if (control != null) {
            return control;
        }
        byte[] buffer = new byte[Frame.MEDIA_BYTES];
        return queue.pollMedia(buffer) ? Frame.media(buffer) : null;
    }

    static List<Frame> drain(TxQueue queue) {
        List<Frame> out = new ArrayList<>();
        Frame frame;
        while ((frame = take(queue)) != null) {
            out.add(frame);
        }
        return out;
    }

    private static TxQueue queue(int capacity, int lead) {
        return new TxQueue(TxQueueConfig.defaults().withCapacity(capacity).withLeadFrames(lead));
    }

    @Test
    void keepsFifoOrderAcrossMediaAndControl() {
        TxQueue queue = queue(16, 0);
        queue.offer(TestFrames.media(0));
        queue.offer(TestFrames.media(1));
        queue.offer(Frame.mark("a"));
        queue.offer(TestFrames.media(2));
        queue.offer(Frame.clear());
        queue.offer(Frame.mark("b"));
        queue.offer(TestFrames.media(3));
        queue.offer(Frame.stop());

        assertThat(drain(queue)).containsExactly(TestFrames.media(0), TestFrames.media(1), Frame.mark("a"),
                TestFrames.media(2), Frame.clear(), Frame.mark("b"), TestFrames.media(3), Frame.stop());
    }

    @Test
    void controlFrameQueuedFirstIsDueAtOnce() {
        TxQueue queue = queue(16, 0);
        queue.offer(Frame.mark("first"));
        queue.offer(TestFrames.media(7));
        assertThat(queue.hasDueControl()).isTrue();
        assertThat(drain(queue)).containsExactly(Frame.mark("first"), TestFrames.media(7));
    }

    @Test
    void dropsOldestMediaButNeverControlWhenFull() {
        TxQueue queue = queue(4, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(TestFrames.media(i))).isEqualTo(OfferResult.ACCEPTED);
        }
        assertThat(queue.offer(Frame.mark("after3"))).isEqualTo(OfferResult.ACCEPTED);
        for (int i = 4; i < 7; i++) {
            assertThat(queue.offer(TestFrames.media(i))).isEqualTo(OfferResult.ACCEPTED_DROPPED_OLDEST);
        }

        assertThat(queue.mediaDropped()).isEqualTo(3);
        assertThat(drain(queue)).containsExactly(TestFrames.media(3), Frame.mark("after3"), TestFrames.media(4),
                TestFrames.media(5), TestFrames.media(6));
    }

    @Test
    void acceptsControlFramesEvenWhenFull() {
        TxQueue queue = queue(4, 0);
        for (int i = 0; i < 4; i++) {
            queue.offer(TestFrames.media(i));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(queue.offer(Frame.mark("m" + i))).isEqualTo(OfferResult.ACCEPTED);
        }
        assertThat(queue.depth()).isEqualTo(104);
        List<Frame> out = drain(queue);
        assertThat(out).hasSize(104);
        assertThat(out.subList(4, 104)).allMatch(f -> f.kind() == FrameKind.MARK);
        assertThat(queue.mediaDropped()).isZero();
    }

    @Test
    void flushRemovesAllMediaAndKeepsControlInOrder() {
        TxQueue queue = queue(32, 0);
        for (int i = 0; i < 10; i++) {
            queue.offer(TestFrames.media(i));
            if (i % 3 == 2) {
                queue.offer(Frame.mark("s" + i));
            }
        }
        FlushResult flushed = queue.flushMedia();
        assertThat(flushed.mediaFrames()).isEqualTo(10);
        assertThat(flushed.mediaMs()).isEqualTo(200);
        assertThat(flushed.controlFramesKept()).isEqualTo(3);
        queue.offer(Frame.clear());
        queue.offer(TestFrames.media(99));

        assertThat(drain(queue)).containsExactly(Frame.mark("s2"), Frame.mark("s5"), Frame.mark("s8"), Frame.clear(),
                TestFrames.media(99));
        assertThat(queue.mediaFlushed()).isEqualTo(10);
        assertThat(queue.mediaDropped()).isZero();
    }

    @Test
    void refusesMediaOfTheWrongSize() {
        TxQueue queue = queue(8, 0);
        assertThatThrownBy(() -> queue.offerMedia(new byte[100], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 160");
        assertThatThrownBy(() -> queue.offerMedia(new byte[200], 41)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.offerControl(TestFrames.media(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void realTimeLeadHoldsProducerAtTheLead() {
        TxQueue queue = queue(120, 10);
        int written = 0;
        while (queue.hasRoom()) {
            queue.offerMedia(TestFrames.numbered(written++), 0);
        }
        assertThat(written).isEqualTo(10);
        assertThat(queue.room()).isZero();

        CompletableFuture<Void> room = queue.whenRoom();
        assertThat(room).isNotDone();
        byte[] out = new byte[160];
        for (int i = 0; i < 4; i++) {
            queue.pollMedia(out);
            assertThat(room).as("still above the resume mark after %d frames", i + 1).isNotDone();
        }
        queue.pollMedia(out);
        assertThat(room).isDone();
        assertThat(queue.hasRoom()).isTrue();
        assertThat(queue.room()).isEqualTo(5);
        assertThat(queue.producerWaits()).isEqualTo(1);
    }

    @Test
    void backPressureBlocksProducerAboveHighWaterUntilBelowLowWater() throws Exception {
        TxQueue queue = queue(20, 0); // high water 90 % = 18, low water 50 % = 10
        AtomicBoolean finished = new AtomicBoolean();
        List<Integer> depthOnWake = new ArrayList<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 30; i++) {
                    if (!queue.hasRoom()) {
                        queue.awaitRoom();
                        synchronized (depthOnWake) {
                            depthOnWake.add(queue.mediaDepth());
                        }
                    }
                    queue.offerMedia(TestFrames.numbered(i), 0);
                }
                finished.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.mediaDepth() == 18 && producer.getState()
                == Thread.State.WAITING);
        byte[] out = new byte[160];
        for (int i = 0; i < 7; i++) {
            queue.pollMedia(out);
        }
        Thread.sleep(50);
        assertThat(queue.mediaDepth()).as("producer still waits above low water").isEqualTo(11);
        queue.pollMedia(out);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.mediaDepth() == 18);
        synchronized (depthOnWake) {
            assertThat(depthOnWake).containsExactly(10);
        }
        for (int i = 0; i < 20; i++) {
            queue.pollMedia(out);
        }
        producer.join(5000);
        assertThat(finished).isTrue();
        assertThat(queue.mediaDropped()).isZero();
    }

    @Test
    void timedAwaitGivesUpAndCloseReleasesWaiters() throws Exception {
        TxQueue queue = queue(20, 4);
        for (int i = 0; i < 4; i++) {
            queue.offerMedia(TestFrames.numbered(i), 0);
        }
        assertThat(queue.awaitRoom(10, TimeUnit.MILLISECONDS)).isFalse();
        CompletableFuture<Void> room = queue.whenRoom();
        Thread waiter = new Thread(() -> {
            try {
                queue.awaitRoom();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING);
        queue.close();
        waiter.join(5000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(room).isDone();
        assertThat(queue.offer(TestFrames.media(1))).isEqualTo(OfferResult.CLOSED);
        assertThat(queue.offer(Frame.mark("late"))).isEqualTo(OfferResult.CLOSED);
    }

    @Test
    void flushReleasesAsyncWaiters() {
        TxQueue queue = queue(20, 4);
        for (int i = 0; i < 4; i++) {
            queue.offerMedia(TestFrames.numbered(i), 0);
        }
        CompletableFuture<Void> room = queue.whenRoom();
        assertThat(room).isNotDone();
        queue.flushMedia();
        assertThat(room).isDone();
    }

    @Test
    void unthrottledQueueNeverHoldsProducers() {
        TxQueue queue = new TxQueue(TxQueueConfig.defaults().withCapacity(8).unthrottled());
        for (int i = 0; i < 50; i++) {
            assertThat(queue.hasRoom()).isTrue();
            queue.offerMedia(TestFrames.numbered(i), 0);
        }
        assertThat(queue.whenRoom()).isDone();
        assertThat(queue.mediaDropped()).isEqualTo(42);
    }

    @Test
    void reportsAndResetsMaxDepth() {
        TxQueue queue = queue(16, 0);
        for (int i = 0; i < 6; i++) {
            queue.offerMedia(TestFrames.numbered(i), 0);
        }
        byte[] out = new byte[160];
        queue.pollMedia(out);
        queue.pollMedia(out);
        assertThat(queue.takeMaxDepth()).isEqualTo(6);
        assertThat(queue.takeMaxDepth()).isEqualTo(4);
    }
}
