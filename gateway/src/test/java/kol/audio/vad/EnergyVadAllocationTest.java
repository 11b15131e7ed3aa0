package kol.audio.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import kol.audio.Telephony;
import org.junit.jupiter.api.Test;

/**
 * The energy VAD and the segmenter allocate nothing per frame: measured with HotSpot's per-thread allocation
 * counter over many frames after a warm-up, as {@code kol.audio.HotPathAllocationTest} does, so one stray
 * array per frame would show as hundreds of kilobytes.
 */
class EnergyVadAllocationTest {

    private static final int FRAMES = 20_000;
    /** Room for the counter's own bookkeeping; a per-frame allocation would cost FRAMES × 16 bytes at least. */
    private static final long SLACK_BYTES = 16 * 1024;

    @Test
    void analysingAndSegmentingAFrameAllocatesNothing() {
        short[] speech = LabelledCorpus.speech().get(0).pcm();
        int frames = speech.length / Telephony.FRAME_SAMPLES;
        SpeechSegmenter segmenter = new SpeechSegmenter(new EnergyVad(), 80, 200);
        int[] events = new int[SpeechEvent.values().length];
        Runnable run = () -> {
            for (int i = 0; i < FRAMES; i++) {
                events[segmenter.onFrame(speech, (i % frames) * Telephony.FRAME_SAMPLES).ordinal()]++;
            }
        };
        run.run();

        long before = allocatedBytes();
        run.run();
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(SLACK_BYTES);
        assertThat(events[SpeechEvent.START.ordinal()]).isPositive();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
