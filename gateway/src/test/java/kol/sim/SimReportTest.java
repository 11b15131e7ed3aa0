package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimReportTest {

    private static CallReport call(String sid, List<Integer> fps, long playoutMs, List<MarkEcho> marks,
            int invalid) {
        return new CallReport(sid, "MZ" + sid, CallReport.Outcome.COMPLETED, null, 20_000, 1_000, 900, fps, 0.8,
                playoutMs, 1, marks, 0, 1, 640, invalid, Collections.nCopies(invalid, "media: empty payload"), 2,
                List.of(310L, 330L));
    }

    /** The summary with its label padding collapsed to two spaces, so expectations do not count columns. */
    private static String columns(String text) {
        return text.replaceAll("(?m)(\\S) {2,}", "$1  ");
    }

    @Test
    void aggregatesCallsWorstCaseFirst() {
        LoadReport report = new LoadReport(List.of(
                call("CA1", List.of(50, 50, 49), 40, List.of(new MarkEcho("a", 800, false)), 0),
                call("CA2", List.of(51, 50), 120, List.of(new MarkEcho("b", 1_200, false),
                        new MarkEcho("c", 3, true)), 2),
                CallReport.connectFailed("CA3", "MZ3", "cannot connect to ws://x: Connection refused")));

        assertThat(report.connected()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.fpsMin()).isEqualTo(49);
        assertThat(report.fpsMedian()).isEqualTo(50.0);
        assertThat(report.fpsMax()).isEqualTo(51);
        assertThat(report.playoutMaxMs()).isEqualTo(120);
        assertThat(report.marks()).isEqualTo(3);
        // A mark released by clear says nothing about playout delay.
        assertThat(report.markDelayMedianMs()).isEqualTo(1_000.0);
        assertThat(report.markDelayMaxMs()).isEqualTo(1_200);
        assertThat(report.invalidMessages()).isEqualTo(2);
        assertThat(report.underruns()).isEqualTo(2);
        assertThat(report.dtmfSent()).isEqualTo(4);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void writesSnakeCaseJsonWithNullsForWhatWasNotMeasured() {
        LoadReport report = new LoadReport(List.of(call("CA1", List.of(), 40, List.of(), 0)));

        JsonObject json = SimReport.json(report);

        assertThat(json.getInteger("calls")).isEqualTo(1);
        assertThat(json.getInteger("calls_failed")).isZero();
        assertThat(json.getBoolean("ok")).isTrue();
        assertThat(json.containsKey("fps_min")).isTrue();
        assertThat(json.getValue("fps_min")).isNull();
        assertThat(json.getValue("mark_delay_median_ms")).isNull();
        assertThat(json.getDouble("jitter_p99_ms")).isEqualTo(0.8);
        assertThat(json.getLong("playout_max_ms")).isEqualTo(40);
        assertThat(json.fieldNames()).contains("fps_median", "fps_max", "underruns", "marks", "clears",
                "first_audio_ms", "invalid_messages", "per_call");
        JsonObject perCall = json.getJsonArray("per_call").getJsonObject(0);
        assertThat(perCall.getString("call_sid")).isEqualTo("CA1");
        assertThat(perCall.getString("outcome")).isEqualTo("completed");
        assertThat(perCall.getLong("first_audio_ms")).isEqualTo(640);
    }

    @Test
    void leavesOutThePerCallArrayBeyondFiftyCalls() {
        List<CallReport> calls = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            calls.add(call("CA" + i, List.of(50), 40, List.of(), 0));
        }

        assertThat(SimReport.json(new LoadReport(calls)).containsKey("per_call")).isFalse();
        assertThat(SimReport.json(new LoadReport(calls.subList(0, 50))).getJsonArray("per_call")).hasSize(50);
    }

    @Test
    void summarisesOneCallInPlainLines() {
        String text = columns(SimReport.text(new LoadReport(List.of(call("CA1", List.of(49, 50, 50, 51), 40,
                List.of(new MarkEcho("greeting_end", 812, false)), 1)))));

        assertThat(text).startsWith("Call CA1 (stream MZCA1): completed after 20.0 s\n")
                .contains("frames/s while the bot spoke  min 49 · median 50 · max 51 (4 speech seconds)")
                .contains("arrival jitter p99  0.8 ms")
                .contains("deepest playout buffer  40 ms")
                .contains("marks  1 (delay median 812 ms, max 812 ms)")
                .contains("invalid messages  1 — first: media: empty payload")
                .contains("time to first audio  640 ms");
    }

    @Test
    void summarisesManyCallsWithConnectedAndFailedCounts() {
        String text = columns(SimReport.text(new LoadReport(List.of(call("CA1", List.of(50), 40, List.of(), 0),
                CallReport.connectFailed("CA2", "MZ2", "cannot connect")))));

        assertThat(text).startsWith("Calls: 2 (1 connected, 1 failed, 0 dropped)\n")
                .contains("deepest playout buffer  40 ms (worst call)")
                .contains("  CA2: cannot connect");
    }
}
