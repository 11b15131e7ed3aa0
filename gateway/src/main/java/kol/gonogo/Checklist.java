package kol.gonogo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The production checklist, rule by rule: steady 50 fps while the bot speaks, a short queue, no dropped frame,
 * no send-queue overflow, and a greeting that ended with its mark.
 */
final class Checklist {
    static final int FPS_MIN = 49;
    static final int FPS_MAX = 51;
    /** {@code q} at or above this is a backlog the caller hears as lag (20 frames = 400 ms). */
    static final int Q_LIMIT = 20;
    /** Share of speech seconds, in percent, that must have {@code q} below {@link #Q_LIMIT}. */
    static final int Q_SHORT_PERCENT = 95;

    private Checklist() {
    }

    static CallVerdict judge(CallEvidence evidence) {
        CallFigures figures = figures(evidence);
        List<String> reasons = new ArrayList<>();
        int speech = evidence.speechSeconds();
        if (speech == 0) {
            reasons.add("the bot never spoke a whole second");
        } else {
            checkFps(evidence, figures, reasons);
            checkQueue(evidence, figures, reasons);
        }
        if (evidence.drops > 0) {
            reasons.add("drops=" + evidence.drops);
        }
        if (evidence.sendQueueFull > 0) {
            reasons.add("Send queue full ×" + evidence.sendQueueFull);
        }
        if (!evidence.greetingEnd) {
            reasons.add("no [TX] greeting_end");
        }
        return new CallVerdict(evidence.callId, reasons.isEmpty(), reasons, figures);
    }

    /** A NO-GO for a call the log does not mention at all. */
    static CallVerdict notFound(String callId) {
        CallFigures none = new CallFigures(0, 0, null, null, null, null, 0, 0, false, null);
        return new CallVerdict(callId, false, List.of("no [TX] lines for this call in the log"), none);
    }

    private static void checkFps(CallEvidence evidence, CallFigures figures, List<String> reasons) {
        int outside = 0;
        for (int i = 0; i < evidence.speechFps.size(); i++) {
            int fps = evidence.speechFps.getInt(i);
            if (fps < FPS_MIN || fps > FPS_MAX) {
                outside++;
            }
        }
        if (outside > 0) {
            List<String> extremes = new ArrayList<>();
            if (figures.fpsMin() < FPS_MIN) {
                extremes.add("min " + figures.fpsMin());
            }
            if (figures.fpsMax() > FPS_MAX) {
                extremes.add("max " + figures.fpsMax());
            }
            reasons.add("fps outside " + FPS_MIN + "–" + FPS_MAX + " in " + outside + " of "
                    + evidence.speechSeconds() + " speech seconds (" + String.join(", ", extremes) + ")");
        }
    }

    private static void checkQueue(CallEvidence evidence, CallFigures figures, List<String> reasons) {
        int speech = evidence.speechSeconds();
        int deep = 0;
        for (int i = 0; i < speech; i++) {
            if (evidence.speechQ.getInt(i) >= Q_LIMIT) {
                deep++;
            }
        }
        // Integer arithmetic: "at least 95 % short" is short·100 ≥ 95·speech, with no rounding at the boundary.
        if ((long) (speech - deep) * 100 < (long) Q_SHORT_PERCENT * speech) {
            String percent = String.format(Locale.ROOT, "%.0f", deep * 100.0 / speech);
            reasons.add("q ≥ " + Q_LIMIT + " in " + percent + " % of speech seconds (" + deep + " of " + speech
                    + ", max q " + figures.qMax() + ")");
        }
    }

    private static CallFigures figures(CallEvidence evidence) {
        int speech = evidence.speechSeconds();
        Integer fpsMin = null;
        Integer fpsMax = null;
        Integer qP95 = null;
        Integer qMax = null;
        if (speech > 0) {
            int[] fps = evidence.speechFps.toIntArray();
            int[] q = evidence.speechQ.toIntArray();
            Arrays.sort(fps);
            Arrays.sort(q);
            fpsMin = fps[0];
            fpsMax = fps[speech - 1];
            qMax = q[speech - 1];
            // Nearest rank: the smallest value with at least 95 % of the seconds at or below it.
            qP95 = q[(int) Math.ceil(0.95 * speech) - 1];
        }
        return new CallFigures(evidence.txSeconds, speech, fpsMin, fpsMax, qP95, qMax, evidence.drops,
                evidence.sendQueueFull, evidence.greetingEnd, evidence.greetingEndDelayMs);
    }
}
