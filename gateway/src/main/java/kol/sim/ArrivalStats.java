package kol.sim;

import java.util.concurrent.TimeUnit;
import kol.audio.Telephony;
import org.HdrHistogram.IntCountsHistogram;
import org.agrona.collections.IntArrayList;

/**
 * How the server's media arrives: frames per second while the bot speaks, inter-arrival jitter, time to first
 * audio.
 *
 * <p>A talk spurt is a run of frames with gaps under {@link #SPURT_GAP_MS}. Only whole seconds inside a spurt
 * count toward frames per second: a spurt's first and last seconds are partial by nature. Jitter is
 * |inter-arrival − the previous payload's duration| (20 ms for a 160-byte frame), between frames of one spurt.
 *
 * <p>Times are passed in; one owner thread (the call's event loop).
 */
final class ArrivalStats {
    static final int SPURT_GAP_MS = 200;
    private static final long SPURT_GAP_NS = TimeUnit.MILLISECONDS.toNanos(SPURT_GAP_MS);
    private static final long NS_PER_SAMPLE = 1_000_000_000L / Telephony.SAMPLE_RATE_HZ;
    private static final long NS_PER_SECOND = 1_000_000_000L;

    private final long originNs;
    /** Microseconds, two significant digits: a 1 % resolution is plenty, and a small footprint matters at load. */
    private final IntCountsHistogram jitterUs = new IntCountsHistogram(TimeUnit.SECONDS.toMicros(10), 2);
    private final IntArrayList speechSecondFps = new IntArrayList();
    private int frames;
    private long firstArrivalNs = -1;
    private long lastArrivalNs;
    private long lastPayloadNs;
    private long spurtFirstSecond;
    private long currentSecond;
    private int currentSecondFrames;

    ArrivalStats(long originNs) {
        this.originNs = originNs;
    }

    /** A media message of {@code payloadBytes} μ-law bytes arrived at {@code nowNs}. */
    void onMedia(long nowNs, int payloadBytes) {
        long second = Math.max(0, nowNs - originNs) / NS_PER_SECOND;
        if (frames > 0 && nowNs - lastArrivalNs < SPURT_GAP_NS) {
            long deviationNs = Math.abs(nowNs - lastArrivalNs - lastPayloadNs);
            jitterUs.recordValue(Math.min(deviationNs / 1000, jitterUs.getHighestTrackableValue()));
            if (second != currentSecond) {
                if (currentSecond != spurtFirstSecond) {
                    speechSecondFps.addInt(currentSecondFrames);
                }
                currentSecond = second;
                currentSecondFrames = 0;
            }
        } else {
            spurtFirstSecond = second;
            currentSecond = second;
            currentSecondFrames = 0;
        }
        if (firstArrivalNs < 0) {
            firstArrivalNs = nowNs;
        }
        frames++;
        currentSecondFrames++;
        lastArrivalNs = nowNs;
        lastPayloadNs = payloadBytes * NS_PER_SAMPLE;
    }

    int frames() {
        return frames;
    }

    /** Milliseconds from the origin ({@code start} sent) to the first media; -1 when none came. */
    long firstAudioMs() {
        return firstArrivalNs < 0 ? -1 : (firstArrivalNs - originNs) / 1_000_000;
    }

    /** Frames in each whole second of bot speech, in time order. */
    int[] speechSecondFps() {
        return speechSecondFps.toIntArray();
    }

    /** p99 of the arrival jitter in ms; NaN before two frames of one spurt. */
    double jitterP99Ms() {
        return jitterUs.getTotalCount() == 0 ? Double.NaN : jitterUs.getValueAtPercentile(99) / 1000.0;
    }
}
