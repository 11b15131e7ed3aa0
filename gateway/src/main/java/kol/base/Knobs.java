package kol.base;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Every setting Kol reads, declared once, in the order the README lists them. */
public final class Knobs {
    private Knobs() {
    }

    // --- TX core ---
    public static final Setting<Integer> TX_QUEUE_FRAMES = Setting.ofInt("TX_QUEUE_FRAMES", 120, 16, 30_000,
            "frames", "Per-call outbound queue in 20 ms frames (120 = 2.4 s); when full, the oldest media goes.");
    public static final Setting<Integer> TX_TARGET_LEAD_FRAMES = Setting.ofInt("TX_TARGET_LEAD_FRAMES", 10, 0, 1000,
            "frames", "How far ahead of real time a producer may run (10 = 200 ms); 0 turns the real-time lead off.");
    public static final Setting<Integer> TX_HIGH_WATER_PCT = Setting.ofInt("TX_HIGH_WATER_PCT", 90, 10, 100, "%",
            "Queue fill above which producers wait (back-pressure) until it drains below the low-water mark.");
    public static final Setting<Integer> TX_LOW_WATER_PCT = Setting.ofInt("TX_LOW_WATER_PCT", 50, 0, 99, "%",
            "Queue fill below which waiting producers resume.");
    public static final Setting<Integer> SEND_QUEUE_FRAMES = Setting.ofInt("SEND_QUEUE_FRAMES", 144, 1, 30_000,
            "frames", "Per-call socket send queue; when full, media frames are dropped (counted) and control waits.");
    public static final Setting<Integer> TX_PACER_THREADS = Setting.ofInt("TX_PACER_THREADS", 0, 0, 64, "threads",
            "Pacer threads shared by all calls; 0 = half the cores, at least one.");
    public static final Setting<Boolean> TX_LOG = Setting.ofBool("TX_LOG", true,
            "Log one [TX] line per call per second.");

    /** Every declared setting, in declaration order. */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>();
        for (Field field : Knobs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                try {
                    all.add((Setting<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }
}
