package kol.tx;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TX queue's per-frame cost: a producer's offer and the pacer's poll of one 20 ms media frame, and the same
 * with a sentence mark every 50 frames. Run with {@code -prof gc}: the allocation per frame should be zero.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TxQueueBenchmark {
    private final byte[] frame = new byte[Frame.MEDIA_BYTES];
    private final byte[] out = new byte[Frame.MEDIA_BYTES];
    private final Frame mark = Frame.mark("sentence");
    private TxQueue queue;
    private int count;

    @Setup
    public void setUp() {
        queue = new TxQueue(TxQueueConfig.defaults());
        for (int i = 0; i < 5; i++) {
            queue.offerMedia(frame, 0);
        }
    }

    /** One media frame in, one out: the steady state of a speaking call. */
    @Benchmark
    public boolean offerThenPollMedia() {
        queue.offerMedia(frame, 0);
        return queue.pollMedia(out);
    }

    /** As above, with the producer asking for room first, as a paced producer does. */
    @Benchmark
    public boolean offerWithRoomCheckThenPoll() {
        if (queue.hasRoom()) {
            queue.offerMedia(frame, 0);
        }
        return queue.pollMedia(out);
    }

    /** Media with a mark after every 50th frame, polled the way the pacer does (due controls, then media). */
    @Benchmark
    public void offerAndPollWithMarks(org.openjdk.jmh.infra.Blackhole hole) {
        queue.offerMedia(frame, 0);
        if (++count % 50 == 0) {
            queue.offerControl(mark);
        }
        hole.consume(queue.pollDueControl());
        hole.consume(queue.pollMedia(out));
    }
}
