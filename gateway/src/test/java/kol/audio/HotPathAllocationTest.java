package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-frame paths allocate nothing: measured with HotSpot's per-thread allocation counter over many
 * frames, after a warm-up, so one stray array per frame (160+ bytes) would show as megabytes.
 */
class HotPathAllocationTest {

    private static final int FRAMES = 20_000;
    /** Room for the counter's own bookkeeping; a per-frame allocation would cost FRAMES × 16 bytes at least. */
    private static final long SLACK_BYTES = 16 * 1024;

    private final short[] pcm24k = Signals.sine(24000, 440, 12000, 480);
    private final short[] pcm8k = new short[Telephony.FRAME_SAMPLES];
    private final byte[] muLaw = new byte[Telephony.FRAME_BYTES];
    private final int[] sink = new int[1];
    private final FrameConsumer consumer = frame -> sink[0] += frame[0];

    @Test
    void codecResamplerAndFramerAllocateNothingPerFrame() {
        Resampler resampler = Resampler.create(24000, Telephony.SAMPLE_RATE_HZ);
        Resampler uneven = Resampler.create(22050, Telephony.SAMPLE_RATE_HZ);
        short[] resampled = new short[resampler.maxOutput(pcm24k.length) + 1];
        Framer framer = new Framer();

        Runnable frame = () -> {
            resampler.process(pcm24k, 0, pcm24k.length, resampled, 0);
            uneven.process(pcm24k, 0, 441, resampled, 0);
            G711.encode(resampled, 0, muLaw, 0, Telephony.FRAME_SAMPLES);
            G711.decode(muLaw, 0, pcm8k, 0, Telephony.FRAME_BYTES);
            framer.push(muLaw, 0, 97, consumer);
            framer.push(muLaw, 0, 63, consumer);
            framer.pushPcm(pcm8k, 0, 160, consumer);
        };
        for (int i = 0; i < FRAMES; i++) {
            frame.run();
        }

        long before = allocatedBytes();
        for (int i = 0; i < FRAMES; i++) {
            frame.run();
        }
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
