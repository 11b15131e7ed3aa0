package kol.gonogo;

import java.util.ArrayList;
import java.util.List;
import kol.tx.TxSecond;

/** Builds a log the way Kol writes it: logback's pattern prefix, then the real {@link TxSecond#logLine()}. */
final class TxLog {
    private static final String PREFIX = "12:00:00.000 INFO  tx ";

    private final List<String> lines = new ArrayList<>();

    /** One second: fps, q, cumulative drops, busy. */
    TxLog second(String call, int fps, int q, long drops, int busy) {
        lines.add(PREFIX + new TxSecond(call, fps, q, q + 2, 0, drops, 0, busy, 0, 0, 0.31, 0.40).logLine());
        return this;
    }

    /** {@code seconds} healthy seconds of bot speech. */
    TxLog speech(String call, int seconds) {
        for (int i = 0; i < seconds; i++) {
            second(call, 50, 6, 0, 50);
        }
        return this;
    }

    TxLog greetingEnd(String call) {
        lines.add(PREFIX + "[TX] greeting_end call=" + call);
        return this;
    }

    TxLog greetingPlayed(String call, long delayMs) {
        lines.add(PREFIX + "[TX] greeting_end played call=" + call + " delay=" + delayMs + "ms");
        return this;
    }

    TxLog sendQueueFull(String call) {
        lines.add("12:00:00.000 WARN  tx Send queue full, dropping frame: 3 media frames dropped this second, "
                + "sendq=144 call=" + call);
        return this;
    }

    TxLog line(String line) {
        lines.add(line);
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** A healthy call: greeting sent and played, 10 seconds of speech at 50 fps. */
    TxLog healthy(String call) {
        return greetingEnd(call).speech(call, 10).greetingPlayed(call, 812);
    }
}
