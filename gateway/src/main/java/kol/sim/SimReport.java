package kol.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;

/** A run's summary for the terminal and as JSON (snake_case keys; unknown figures are JSON nulls). */
public final class SimReport {
    /** Beyond this many calls the JSON leaves out the per-call array. */
    public static final int PER_CALL_JSON_LIMIT = 50;
    private static final int FAILURES_SHOWN = 5;
    private static final String NONE = "n/a";

    private SimReport() {
    }

    /** The end-of-run summary: the call's figures, or for several calls the aggregate and how many connected. */
    public static String text(LoadReport report) {
        StringBuilder out = new StringBuilder();
        boolean single = report.calls().size() == 1;
        if (single) {
            CallReport call = report.calls().get(0);
            out.append("Call ").append(call.callSid()).append(" (stream ").append(call.streamSid()).append("): ")
                    .append(switch (call.outcome()) {
                        case COMPLETED -> String.format(Locale.ROOT, "completed after %.1f s", call.durationMs() / 1e3);
                        case DROPPED -> "dropped";
                        case CONNECT_FAILED -> "not connected";
                    }).append('\n');
        } else {
            out.append("Calls: ").append(report.calls().size()).append(" (").append(report.connected())
                    .append(" connected, ").append(report.failed()).append(" failed, ").append(report.dropped())
                    .append(" dropped)\n");
        }
        String worst = single ? "" : " (worst call)";
        List<Integer> fps = report.speechSecondFps();
        row(out, "frames/s while the bot spoke", fps.isEmpty() ? NONE + " (no whole second of bot speech)"
                : "min " + report.fpsMin() + " · median " + number(report.fpsMedian()) + " · max " + report.fpsMax()
                        + " (" + fps.size() + " speech seconds)");
        row(out, "arrival jitter p99", Double.isNaN(report.jitterP99Ms()) ? NONE
                : String.format(Locale.ROOT, "%.1f ms", report.jitterP99Ms()) + worst);
        row(out, "deepest playout buffer", report.playoutMaxMs() + " ms" + worst);
        row(out, "underruns", String.valueOf(report.underruns()));
        row(out, "marks", marks(report));
        row(out, "clears", String.valueOf(report.clears()));
        row(out, "time to first audio", report.firstAudioMedianMs() == null ? NONE
                : single ? report.firstAudioMaxMs() + " ms"
                : "median " + number(report.firstAudioMedianMs()) + " ms · max " + report.firstAudioMaxMs() + " ms");
        row(out, "invalid messages", report.invalidMessages() == 0 ? "0"
                : report.invalidMessages() + " — first: " + String.join("; ", report.invalidReasons()));
        row(out, "DTMF sent", String.valueOf(report.dtmfSent()));
        List<Long> responses = report.responsesMs();
        row(out, "response (end of speech → bot)", responses.isEmpty() ? NONE
                : "median " + number(report.responseMedianMs()) + " ms, max " + Stats.maxLong(responses) + " ms over "
                        + responses.size() + " utterance(s)");
        List<String> failures = report.failures(FAILURES_SHOWN);
        if (!failures.isEmpty()) {
            out.append(single ? "  " + report.calls().get(0).failure() + "\n" : "  failures:\n");
            if (!single) {
                failures.forEach(f -> out.append("    ").append(f).append('\n'));
            }
        }
        return out.toString();
    }

    private static String marks(LoadReport report) {
        StringBuilder text = new StringBuilder().append(report.marks());
        long cleared = report.calls().stream().flatMap(c -> c.marks().stream()).filter(MarkEcho::cleared).count();
        if (report.markDelayMedianMs() != null) {
            text.append(" (delay median ").append(number(report.markDelayMedianMs())).append(" ms, max ")
                    .append(report.markDelayMaxMs()).append(" ms)");
        }
        if (cleared > 0) {
            text.append(", ").append(cleared).append(" released by clear");
        }
        if (report.marksPending() > 0) {
            text.append(", ").append(report.marksPending()).append(" never echoed (audio still playing at hang-up)");
        }
        return text.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-30s %s%n", label, value));
    }

    private static String number(Double value) {
        return value == value.longValue() ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The run as JSON: aggregate figures, then {@code per_call} when there are at most 50 calls. */
    public static JsonObject json(LoadReport report) {
        JsonObject json = new JsonObject()
                .put("calls", report.calls().size())
                .put("calls_connected", report.connected())
                .put("calls_failed", report.failed())
                .put("calls_dropped", report.dropped())
                .put("ok", report.ok())
                .put("speech_seconds", report.speechSecondFps().size())
                .put("fps_min", report.fpsMin())
                .put("fps_median", report.fpsMedian())
                .put("fps_max", report.fpsMax())
                .put("jitter_p99_ms", nanToNull(report.jitterP99Ms()))
                .put("playout_max_ms", report.playoutMaxMs())
                .put("underruns", report.underruns())
                .put("marks", report.marks())
                .put("marks_pending", report.marksPending())
                .put("mark_delay_median_ms", report.markDelayMedianMs())
                .put("mark_delay_max_ms", report.markDelayMaxMs())
                .put("clears", report.clears())
                .put("first_audio_ms", report.firstAudioMedianMs())
                .put("first_audio_max_ms", report.firstAudioMaxMs())
                .put("invalid_messages", report.invalidMessages())
                .put("invalid_reasons", new JsonArray(report.invalidReasons()))
                .put("dtmf_sent", report.dtmfSent())
                .put("responses", report.responsesMs().size())
                .put("response_median_ms", report.responseMedianMs())
                .put("response_max_ms", Stats.maxLong(report.responsesMs()))
                .put("failures", new JsonArray(report.failures(FAILURES_SHOWN)));
        if (report.calls().size() <= PER_CALL_JSON_LIMIT) {
            JsonArray perCall = new JsonArray();
            report.calls().forEach(call -> perCall.add(json(call)));
            json.put("per_call", perCall);
        }
        return json;
    }

    /** One call's figures, with its marks. */
    public static JsonObject json(CallReport call) {
        JsonArray marks = new JsonArray();
        call.marks().forEach(m -> marks.add(new JsonObject().put("name", m.name()).put("delay_ms", m.delayMs())
                .put("cleared", m.cleared())));
        return new JsonObject()
                .put("call_sid", call.callSid())
                .put("stream_sid", call.streamSid())
                .put("outcome", call.outcome().name().toLowerCase(Locale.ROOT))
                .put("failure", call.failure())
                .put("duration_ms", call.durationMs())
                .put("frames_sent", call.framesSent())
                .put("frames_received", call.framesReceived())
                .put("speech_seconds", call.speechSecondFps().size())
                .put("fps_min", call.fpsMin())
                .put("fps_median", call.fpsMedian())
                .put("fps_max", call.fpsMax())
                .put("jitter_p99_ms", nanToNull(call.jitterP99Ms()))
                .put("playout_max_ms", call.playoutMaxMs())
                .put("underruns", call.underruns())
                .put("marks", call.marks().size())
                .put("marks_pending", call.marksPending())
                .put("mark_delay_median_ms", call.markDelayMedianMs())
                .put("mark_delay_max_ms", call.markDelayMaxMs())
                .put("mark_echoes", marks)
                .put("clears", call.clears())
                .put("first_audio_ms", call.firstAudioMs() < 0 ? null : call.firstAudioMs())
                .put("invalid_messages", call.invalidMessages())
                .put("invalid_reasons", new JsonArray(call.invalidReasons()))
                .put("dtmf_sent", call.dtmfSent())
                .put("responses_ms", new JsonArray(new ArrayList<>(call.responsesMs())));
    }

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
