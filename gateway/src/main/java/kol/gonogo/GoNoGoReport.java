package kol.gonogo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Verdicts as text for a terminal (one block per call, then the overall verdict) and as JSON. */
public final class GoNoGoReport {
    private GoNoGoReport() {
    }

    /** One block per call (verdict, reasons, figures), then {@code Overall: GO|NO-GO …}. */
    public static String text(List<CallVerdict> verdicts) {
        StringBuilder out = new StringBuilder();
        for (CallVerdict verdict : verdicts) {
            out.append(verdict.callId()).append("  ").append(verdict.verdict()).append('\n');
            for (String reason : verdict.reasons()) {
                out.append("  ✗ ").append(reason).append('\n');
            }
            out.append("  ").append(figuresLine(verdict.figures())).append('\n');
        }
        out.append(overallLine(verdicts)).append('\n');
        return out.toString();
    }

    /** {@code speech 42 s · fps 49–51 · q p95 6 · drops 0 · greeting_end played after 812 ms}. */
    public static String figuresLine(CallFigures figures) {
        StringBuilder line = new StringBuilder();
        line.append("speech ").append(figures.speechSeconds()).append(" s");
        if (figures.speechSeconds() > 0) {
            line.append(" · fps ").append(figures.fpsMin()).append('–').append(figures.fpsMax())
                    .append(" · q p95 ").append(figures.qP95());
        }
        line.append(" · drops ").append(figures.drops());
        if (figures.sendQueueFull() > 0) {
            line.append(" · send queue full ×").append(figures.sendQueueFull());
        }
        if (figures.greetingEndDelayMs() != null) {
            line.append(" · greeting_end played after ").append(figures.greetingEndDelayMs()).append(" ms");
        } else if (figures.greetingEnd()) {
            line.append(" · greeting_end sent");
        } else {
            line.append(" · no greeting_end");
        }
        return line.toString();
    }

    /** {@code Overall: GO (3 calls)} or {@code Overall: NO-GO (1 of 3 calls NO-GO)}. */
    public static String overallLine(List<CallVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "Overall: NO-GO (no call found in the log)";
        }
        long noGo = verdicts.stream().filter(v -> !v.go()).count();
        String calls = verdicts.size() == 1 ? "1 call" : verdicts.size() + " calls";
        return noGo == 0 ? "Overall: GO (" + calls + ")"
                : "Overall: NO-GO (" + noGo + " of " + calls + " NO-GO)";
    }

    /** {@code {"verdict":"GO","calls":[{"call_id":…,"verdict":…,"reasons":[…],"speech_seconds":…,…}]}}. */
    public static JsonObject json(List<CallVerdict> verdicts) {
        JsonArray calls = new JsonArray();
        for (CallVerdict verdict : verdicts) {
            calls.add(json(verdict));
        }
        return new JsonObject().put("verdict", GoNoGo.allGo(verdicts) ? "GO" : "NO-GO").put("calls", calls);
    }

    /** One call's verdict, reasons and figures; unknown figures are JSON nulls. */
    public static JsonObject json(CallVerdict verdict) {
        CallFigures figures = verdict.figures();
        JsonObject call = new JsonObject();
        call.put("call_id", verdict.callId());
        call.put("verdict", verdict.verdict());
        call.put("reasons", new JsonArray(verdict.reasons()));
        call.put("tx_seconds", figures.txSeconds());
        call.put("speech_seconds", figures.speechSeconds());
        call.put("fps_min", figures.fpsMin());
        call.put("fps_max", figures.fpsMax());
        call.put("q_p95", figures.qP95());
        call.put("q_max", figures.qMax());
        call.put("drops", figures.drops());
        call.put("send_queue_full", figures.sendQueueFull());
        call.put("greeting_end", figures.greetingEnd());
        call.put("greeting_end_delay_ms", figures.greetingEndDelayMs());
        return call;
    }
}
