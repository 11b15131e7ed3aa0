package kol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The queue against a plain list model: for any interleaving of offers, polls and flushes, it hands out exactly
 * what a FIFO list would, where "full" removes the oldest media entry and a flush removes every media entry.
 */
class TxQueueProperties {

    enum Op { MEDIA, MARK, CLEAR, TAKE, FLUSH }

    @Property(tries = 300)
    void behavesLikeAFifoThatDropsOldestMediaOnly(@ForAll("ops") List<Op> ops,
            @ForAll @IntRange(min = 2, max = 12) int capacity) {
        TxQueue queue = new TxQueue(TxQueueConfig.defaults().withCapacity(capacity).withLeadFrames(0));
        LinkedList<Frame> model = new LinkedList<>();
        List<Frame> taken = new ArrayList<>();
        List<Frame> expected = new ArrayList<>();
        int next = 0;
        long modelDrops = 0;
        int controlsOffered = 0;
        for (Op op : ops) {
            switch (op) {
                case MEDIA -> {
                    Frame media = TestFrames.media(next++);
                    if (model.stream().filter(Frame::isMedia).count() == capacity) {
                        model.remove(model.stream().filter(Frame::isMedia).findFirst().orElseThrow());
                        modelDrops++;
                    }
                    model.add(media);
                    queue.offer(media);
                }
                case MARK, CLEAR -> {
                    Frame control = op == Op.MARK ? Frame.mark("m" + next++) : Frame.clear();
                    model.add(control);
                    queue.offer(control);
                    controlsOffered++;
                }
                case TAKE -> {
                    Frame got = TxQueueTest.take(queue);
                    taken.add(got);
                    expected.add(model.isEmpty() ? null : model.removeFirst());
                }
                case FLUSH -> {
                    long media = model.stream().filter(Frame::isMedia).count();
                    model.removeIf(Frame::isMedia);
                    assertThat(queue.flushMedia().mediaFrames()).isEqualTo((int) media);
                }
                default -> throw new IllegalStateException();
            }
            assertThat(queue.depth()).isEqualTo(model.size());
            assertThat(queue.mediaDepth()).isLessThanOrEqualTo(capacity);
        }
        taken.addAll(TxQueueTest.drain(queue));
        expected.addAll(model);
        assertThat(taken).isEqualTo(expected);
        assertThat(queue.mediaDropped()).isEqualTo(modelDrops);
        assertThat(taken.stream().filter(f -> f != null && !f.isMedia()).count())
                .as("every control frame comes out").isEqualTo(controlsOffered);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Op.MEDIA)),
                Tuple.of(2, Arbitraries.just(Op.MARK)),
                Tuple.of(1, Arbitraries.just(Op.CLEAR)),
                Tuple.of(5, Arbitraries.just(Op.TAKE)),
                Tuple.of(1, Arbitraries.just(Op.FLUSH)))
                .list().ofMaxSize(200);
    }

    @Property(tries = 200)
    void producerRespectingRoomNeverPassesTheLead(@ForAll @IntRange(min = 1, max = 40) int lead,
            @ForAll @IntRange(min = 1, max = 30) int speedup, @ForAll @IntRange(min = 50, max = 400) int frames) {
        TxQueue queue = new TxQueue(TxQueueConfig.defaults().withLeadFrames(lead));
        byte[] out = new byte[Frame.MEDIA_BYTES];
        int produced = 0;
        int maxDepth = 0;
        while (produced < frames) {
            // The producer is `speedup` times faster than real time: it tries that many frames per pacer tick.
            for (int i = 0; i < speedup && produced < frames && queue.hasRoom(); i++) {
                queue.offerMedia(TestFrames.numbered(produced++), 0);
                maxDepth = Math.max(maxDepth, queue.mediaDepth());
            }
            queue.pollMedia(out);
        }
        assertThat(maxDepth).isLessThanOrEqualTo(Math.min(lead, 108));
        assertThat(queue.mediaDropped()).isZero();
    }
}
