package kol.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The figures of one {@code ./kol bench pacer} run; JSON keys as documented in the README. */
public record PacerBenchResult(
        @JsonProperty("calls") int calls,
        @JsonProperty("seconds") int seconds,
        @JsonProperty("lanes") int lanes,
        @JsonProperty("fps_min") double fpsMin,
        @JsonProperty("fps_median") double fpsMedian,
        @JsonProperty("fps_max") double fpsMax,
        @JsonProperty("calls_outside_49_5_50_5") int callsOutsideBand,
        @JsonProperty("dev_p50_ms") double devP50Ms,
        @JsonProperty("dev_p99_ms") double devP99Ms,
        @JsonProperty("dev_p999_ms") double devP999Ms,
        @JsonProperty("dev_max_ms") double devMaxMs,
        @JsonProperty("drops") long drops,
        @JsonProperty("resyncs") long resyncs,
        @JsonProperty("invalid_frames") long invalidFrames,
        @JsonProperty("frames_sent") long framesSent,
        @JsonProperty("cpu_pct") double cpuPct,
        @JsonProperty("heap_mb") double heapMb) {

    /** Whether the run meets the pacer's bar: every call 49.5–50.5 fps, p99 deviation ≤ 2 ms, no drops. */
    public boolean meetsTarget() {
        return callsOutsideBand == 0 && devP99Ms <= 2.0 && drops == 0 && invalidFrames == 0;
    }

    /** The human summary printed at the end of a run. */
    public String summary() {
        return String.format(Locale.ROOT, String.join("%n",
                "calls %d, %d s measured, %d pacer lane(s)",
                "  fps per call      min %.2f  median %.2f  max %.2f  (%d calls outside 49.5–50.5)",
                "  send-interval dev p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms",
                "  drops %d (whole run)  resyncs %d  invalid frames %d  frames sent %d",
                "  cpu %.1f %% of the machine  heap %.0f MB after GC",
                "  verdict: %s"),
                calls, seconds, lanes, fpsMin, fpsMedian, fpsMax, callsOutsideBand, devP50Ms, devP99Ms, devP999Ms,
                devMaxMs, drops, resyncs, invalidFrames, framesSent, cpuPct, heapMb,
                meetsTarget() ? "PASS (49.5–50.5 fps, p99 ≤ 2 ms, no drops)" : "FAIL");
    }
}
