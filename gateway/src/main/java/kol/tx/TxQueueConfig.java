package kol.tx;

import kol.base.Knobs;
import kol.base.Settings;

/**
 * Sizes and thresholds of a {@link TxQueue}.
 *
 * @param capacityFrames media slots ({@code TX_QUEUE_FRAMES}); when full, the oldest media frame is dropped
 * @param leadFrames how far ahead of the pacer a producer may run ({@code TX_TARGET_LEAD_FRAMES}); 0 = off
 * @param highWaterPct fill above which producers must wait
 * @param lowWaterPct fill at or below which waiting producers resume (when the lead is off)
 * @param backPressure false only in tests that simulate a producer with no back-pressure at all
 */
public record TxQueueConfig(int capacityFrames, int leadFrames, int highWaterPct, int lowWaterPct,
        boolean backPressure) {

    public TxQueueConfig {
        if (capacityFrames < 2) {
            throw new IllegalArgumentException("capacityFrames must be at least 2");
        }
        if (leadFrames < 0 || highWaterPct < 1 || highWaterPct > 100 || lowWaterPct < 0
                || lowWaterPct >= highWaterPct) {
            throw new IllegalArgumentException("need leadFrames >= 0 and 0 <= lowWaterPct < highWaterPct <= 100");
        }
    }

    /** The defaults: 120 frames, lead 10, high water 90 %, low water 50 %. */
    public static TxQueueConfig defaults() {
        return new TxQueueConfig(120, 10, 90, 50, true);
    }

    public static TxQueueConfig from(Settings settings) {
        return new TxQueueConfig(settings.get(Knobs.TX_QUEUE_FRAMES), settings.get(Knobs.TX_TARGET_LEAD_FRAMES),
                settings.get(Knobs.TX_HIGH_WATER_PCT), settings.get(Knobs.TX_LOW_WATER_PCT), true);
    }

    public TxQueueConfig withLeadFrames(int lead) {
        return new TxQueueConfig(capacityFrames, lead, highWaterPct, lowWaterPct, backPressure);
    }

    public TxQueueConfig withCapacity(int frames) {
        return new TxQueueConfig(frames, leadFrames, highWaterPct, lowWaterPct, backPressure);
    }

    /** No lead and no back-pressure: a producer that pushes as fast as it can (for tests of what goes wrong). */
    public TxQueueConfig unthrottled() {
        return new TxQueueConfig(capacityFrames, 0, highWaterPct, lowWaterPct, false);
    }

    /** Depth at which a producer must stop and wait. */
    int producerLimitFrames() {
        int highWater = Math.max(1, (capacityFrames * highWaterPct + 99) / 100);
        return leadFrames > 0 ? Math.min(leadFrames, highWater) : highWater;
    }

    /** Depth at or below which a waiting producer resumes. */
    int resumeAtFrames() {
        if (leadFrames > 0) {
            int limit = producerLimitFrames();
            return Math.max(0, limit - Math.max(1, limit / 2));
        }
        return capacityFrames * lowWaterPct / 100;
    }
}
