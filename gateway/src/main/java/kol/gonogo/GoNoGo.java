package kol.gonogo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The GO/NO-GO check over Kol's logs: feed it log lines ({@link #accept}) or a whole stream ({@link #check}),
 * then read one {@link CallVerdict} per call, in the order the calls first appear.
 *
 * <p>Per call: fps 49–51 in every second of bot speech ({@code busy=50}); {@code q < 20} in at least 95 % of
 * them; {@code drops=0}; no {@code Send queue full} line; a {@code [TX] greeting_end} line; and at least one
 * second of bot speech.
 *
 * <p>Thread-safe: {@link #accept} may be called from a log appender's thread while another reads verdicts.
 */
public final class GoNoGo {
    private final Map<String, CallEvidence> calls = new LinkedHashMap<>();

    /** Reads one log line; lines without a TX marker are ignored. */
    public synchronized void accept(String line) {
        if (line == null) {
            return;
        }
        LogEvent event = TxLogParser.parse(line);
        if (event != null) {
            calls.computeIfAbsent(event.callId(), CallEvidence::new).add(event);
        }
    }

    /** Verdicts for every call seen so far, in order of first appearance. */
    public synchronized List<CallVerdict> verdicts() {
        List<CallVerdict> verdicts = new ArrayList<>(calls.size());
        for (CallEvidence evidence : calls.values()) {
            verdicts.add(Checklist.judge(evidence));
        }
        return verdicts;
    }

    /** Verdicts for exactly {@code callIds}, in that order; a call the log never mentions is NO-GO. */
    public synchronized List<CallVerdict> verdicts(Collection<String> callIds) {
        List<CallVerdict> verdicts = new ArrayList<>(callIds.size());
        for (String callId : callIds) {
            CallEvidence evidence = calls.get(callId);
            verdicts.add(evidence == null ? Checklist.notFound(callId) : Checklist.judge(evidence));
        }
        return verdicts;
    }

    /** Verdicts for every call in {@code lines}. */
    public static List<CallVerdict> check(Stream<String> lines) {
        GoNoGo check = new GoNoGo();
        lines.forEach(check::accept);
        return check.verdicts();
    }

    /** Verdicts for exactly {@code callIds} (each NO-GO when absent from {@code lines}). */
    public static List<CallVerdict> check(Stream<String> lines, Collection<String> callIds) {
        GoNoGo check = new GoNoGo();
        lines.forEach(check::accept);
        return check.verdicts(callIds);
    }

    /** GO overall: at least one call, and every call GO. */
    public static boolean allGo(List<CallVerdict> verdicts) {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(CallVerdict::go);
    }
}
