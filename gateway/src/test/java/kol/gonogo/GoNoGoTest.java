package kol.gonogo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoNoGoTest {
    private static final String CALL = "CA0123456789abcdef0123456789abcdef";
    private static final String OTHER = "CAfedcba9876543210fedcba9876543210";

    private static CallVerdict only(TxLog log) {
        List<CallVerdict> verdicts = GoNoGo.check(log.lines().stream());
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    @Test
    void aHealthyCallIsGoWithItsFigures() {
        CallVerdict verdict = only(new TxLog().healthy(CALL).second(CALL, 12, 0, 0, 12));

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.callId()).isEqualTo(CALL);
        assertThat(verdict.figures()).isEqualTo(new CallFigures(11, 10, 50, 50, 6, 6, 0, 0, true, 812L));
        assertThat(GoNoGo.allGo(List.of(verdict))).isTrue();
    }

    @Test
    void fpsOutsideTheBandInASpeechSecondIsNoGo() {
        CallVerdict verdict = only(new TxLog().healthy(CALL).second(CALL, 47, 6, 0, 50).second(CALL, 52, 6, 0, 50));

        assertThat(verdict.go()).isFalse();
        assertThat(verdict.reasons()).containsExactly("fps outside 49–51 in 2 of 12 speech seconds (min 47, max 52)");
    }

    @Test
    void fpsAtTheEdgesOfTheBandIsGo() {
        CallVerdict verdict = only(new TxLog().healthy(CALL).second(CALL, 49, 6, 0, 50).second(CALL, 51, 6, 0, 50));

        assertThat(verdict.go()).isTrue();
    }

    @Test
    void aDeepQueueInMoreThanFivePercentOfSpeechSecondsIsNoGo() {
        TxLog log = new TxLog().healthy(CALL);
        for (int q : new int[] {20, 40, 118, 25}) {
            log.second(CALL, 50, q, 0, 50);
        }
        CallVerdict verdict = only(log);

        assertThat(verdict.reasons()).containsExactly("q ≥ 20 in 29 % of speech seconds (4 of 14, max q 118)");
        assertThat(verdict.figures().qMax()).isEqualTo(118);
    }

    @Test
    void oneDeepSecondInTwentyIsStillGo() {
        TxLog log = new TxLog().greetingEnd(CALL).speech(CALL, 19).second(CALL, 50, 30, 0, 50);

        CallVerdict verdict = only(log);

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.figures().qP95()).isEqualTo(6);
    }

    @Test
    void anyDropIsNoGoAndTheHighestCumulativeValueIsReported() {
        CallVerdict verdict = only(new TxLog().healthy(CALL).second(CALL, 50, 6, 200, 20).second(CALL, 50, 6, 512, 10));

        assertThat(verdict.reasons()).containsExactly("drops=512");
    }

    @Test
    void aSendQueueFullLineIsNoGo() {
        CallVerdict verdict = only(new TxLog().healthy(CALL).sendQueueFull(CALL).sendQueueFull(CALL).sendQueueFull(CALL)
                .sendQueueFull(CALL));

        assertThat(verdict.reasons()).containsExactly("Send queue full ×4");
    }

    @Test
    void aCallWithoutGreetingEndIsNoGo() {
        CallVerdict verdict = only(new TxLog().speech(CALL, 5));

        assertThat(verdict.reasons()).containsExactly("no [TX] greeting_end");
        assertThat(verdict.figures().greetingEnd()).isFalse();
    }

    @Test
    void greetingEndPlayedAloneCountsAsGreetingEnd() {
        CallVerdict verdict = only(new TxLog().speech(CALL, 5).greetingPlayed(CALL, 640));

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.figures().greetingEndDelayMs()).isEqualTo(640L);
    }

    @Test
    void aBotThatNeverSpokeAWholeSecondIsNoGo() {
        CallVerdict verdict = only(new TxLog().greetingEnd(CALL).second(CALL, 30, 2, 0, 30).second(CALL, 0, 0, 0, 0));

        assertThat(verdict.reasons()).containsExactly("the bot never spoke a whole second");
        assertThat(verdict.figures().speechSeconds()).isZero();
        assertThat(verdict.figures().fpsMin()).isNull();
    }

    @Test
    void aPartialSpeechSecondIsNotJudgedAsSpeech() {
        // 20 fps with busy=20: the bot started talking late in the second; no fps rule applies to it.
        CallVerdict verdict = only(new TxLog().healthy(CALL).second(CALL, 20, 0, 0, 20).second(CALL, 49, 25, 0, 49));

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.figures().speechSeconds()).isEqualTo(10);
        assertThat(verdict.figures().txSeconds()).isEqualTo(12);
    }

    @Test
    void readsJsonLogLinesWithTheMarkerInsideTheMessage() {
        String second = "{\"@timestamp\":\"2026-01-01T12:00:00.000Z\",\"level\":\"INFO\",\"logger_name\":\"kol.tx\","
                + "\"message\":\"[TX] fps=50 q=6 drops=0 qmax=8 sendq=0 busy=50 late=0 resync=0 dev99=0.31ms "
                + "devmax=0.40ms call=" + CALL + "\",\"thread_name\":\"kol-tx-log\"}";
        String greeting = "{\"level\":\"INFO\",\"message\":\"[TX] greeting_end played call=" + CALL
                + " delay=812ms\"}";
        String full = "{\"level\":\"WARN\",\"message\":\"Send queue full, dropping frame: 3 media frames dropped "
                + "this second, sendq=144 call=" + CALL + "\"}";
        TxLog log = new TxLog().line(second).line(second).line(greeting);

        CallVerdict good = only(log);
        CallVerdict bad = only(log.line(full));

        assertThat(good.go()).isTrue();
        assertThat(good.callId()).isEqualTo(CALL);
        assertThat(good.figures().speechSeconds()).isEqualTo(2);
        assertThat(good.figures().greetingEndDelayMs()).isEqualTo(812L);
        assertThat(bad.reasons()).containsExactly("Send queue full ×1");
    }

    @Test
    void judgesInterleavedCallsSeparatelyInOrderOfAppearance() {
        TxLog log = new TxLog().greetingEnd(CALL).greetingEnd(OTHER);
        for (int i = 0; i < 10; i++) {
            log.second(CALL, 50, 6, 0, 50).second(OTHER, 50, 6, i < 5 ? 0 : 7, 50);
        }

        List<CallVerdict> verdicts = GoNoGo.check(log.lines().stream());

        assertThat(verdicts).extracting(CallVerdict::callId).containsExactly(CALL, OTHER);
        assertThat(verdicts).extracting(CallVerdict::go).containsExactly(true, false);
        assertThat(verdicts.get(1).reasons()).containsExactly("drops=7");
        assertThat(GoNoGo.allGo(verdicts)).isFalse();
    }

    @Test
    void checkingNamedCallsReportsAMissingCallAsNoGo() {
        List<CallVerdict> verdicts = GoNoGo.check(new TxLog().healthy(CALL).healthy(OTHER).lines().stream(),
                List.of(OTHER, "CAmissing"));

        assertThat(verdicts).extracting(CallVerdict::callId).containsExactly(OTHER, "CAmissing");
        assertThat(verdicts.get(0).go()).isTrue();
        assertThat(verdicts.get(1).go()).isFalse();
        assertThat(verdicts.get(1).reasons()).containsExactly("no [TX] lines for this call in the log");
    }

    @Test
    void noCallAtAllIsNotGo() {
        assertThat(GoNoGo.allGo(GoNoGo.check(List.of("hello", "[TX] fps=50").stream()))).isFalse();
    }

    @Test
    void theQueueValueIsNotTakenFromSendq() {
        LogEvent event = TxLogParser.parse("[TX] fps=50 sendq=99 q=3 drops=0 busy=50 call=CA1");

        assertThat(event).isEqualTo(new LogEvent.Second("CA1", 50, 3, 0, 50));
    }

    @Test
    void theTextReportHasAVerdictBlockPerCallAndAnOverallLine() {
        TxLog log = new TxLog().healthy(CALL);
        log.greetingEnd(OTHER).speech(OTHER, 3).second(OTHER, 50, 6, 3, 50);

        String text = GoNoGoReport.text(GoNoGo.check(log.lines().stream()));

        assertThat(text).isEqualTo(CALL + "  GO\n"
                + "  speech 10 s · fps 50–50 · q p95 6 · drops 0 · greeting_end played after 812 ms\n"
                + OTHER + "  NO-GO\n"
                + "  ✗ drops=3\n"
                + "  speech 4 s · fps 50–50 · q p95 6 · drops 3 · greeting_end sent\n"
                + "Overall: NO-GO (1 of 2 calls NO-GO)\n");
    }

    @Test
    void theJsonReportUsesSnakeCaseAndNullsForUnknownFigures() {
        List<CallVerdict> verdicts = GoNoGo.check(new TxLog().greetingEnd(CALL).lines().stream());

        String json = GoNoGoReport.json(verdicts).toString();

        assertThat(json).startsWith("{\"verdict\":\"NO-GO\",\"calls\":[{\"call_id\":\"" + CALL + "\"")
                .contains("\"reasons\":[\"the bot never spoke a whole second\"]")
                .contains("\"speech_seconds\":0", "\"fps_min\":null", "\"q_p95\":null", "\"greeting_end\":true",
                        "\"greeting_end_delay_ms\":null");
    }
}
