package kol.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one or more simulated calls, aggregated: fps over every call's speech seconds, the worst
 * jitter and playout buffer, totals of underruns, marks, clears, invalid messages and DTMF.
 */
public record LoadReport(List<CallReport> calls) {
    /** Invalid-message reasons kept for the summary, over all calls. */
    static final int REASONS_SHOWN = 5;

    public LoadReport {
        calls = List.copyOf(calls);
    }

    public int connected() {
        return (int) calls.stream().filter(c -> c.outcome() != CallReport.Outcome.CONNECT_FAILED).count();
    }

    /** Calls that failed to connect. */
    public int failed() {
        return calls.size() - connected();
    }

    /** Calls the server closed before the simulator's stop. */
    public int dropped() {
        return (int) calls.stream().filter(c -> c.outcome() == CallReport.Outcome.DROPPED).count();
    }

    /** At least one call, and every call completed with no invalid message. */
    public boolean ok() {
        return !calls.isEmpty() && calls.stream().allMatch(CallReport::ok);
    }

    /** Speech-second fps of every call, together. */
    public List<Integer> speechSecondFps() {
        List<Integer> all = new ArrayList<>();
        calls.forEach(c -> all.addAll(c.speechSecondFps()));
        return all;
    }

    public Integer fpsMin() {
        return Stats.min(speechSecondFps());
    }

    public Double fpsMedian() {
        return Stats.median(speechSecondFps());
    }

    public Integer fpsMax() {
        return Stats.max(speechSecondFps());
    }

    /** The worst call's arrival-jitter p99; NaN when no call measured any. */
    public double jitterP99Ms() {
        return calls.stream().mapToDouble(CallReport::jitterP99Ms).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
    }

    /** The deepest playout buffer of any call. */
    public long playoutMaxMs() {
        return calls.stream().mapToLong(CallReport::playoutMaxMs).max().orElse(0);
    }

    public int underruns() {
        return calls.stream().mapToInt(CallReport::underruns).sum();
    }

    public int marks() {
        return calls.stream().mapToInt(c -> c.marks().size()).sum();
    }

    public int marksPending() {
        return calls.stream().mapToInt(CallReport::marksPending).sum();
    }

    public Double markDelayMedianMs() {
        return Stats.median(playedMarkDelaysMs());
    }

    public Long markDelayMaxMs() {
        return Stats.maxLong(playedMarkDelaysMs());
    }

    private List<Long> playedMarkDelaysMs() {
        List<Long> all = new ArrayList<>();
        calls.forEach(c -> all.addAll(c.playedMarkDelaysMs()));
        return all;
    }

    public int clears() {
        return calls.stream().mapToInt(CallReport::clears).sum();
    }

    private List<Long> firstAudiosMs() {
        return calls.stream().map(CallReport::firstAudioMs).filter(ms -> ms >= 0).toList();
    }

    /** Median over the calls that received audio. */
    public Double firstAudioMedianMs() {
        return Stats.median(firstAudiosMs());
    }

    public Long firstAudioMaxMs() {
        return Stats.maxLong(firstAudiosMs());
    }

    public int invalidMessages() {
        return calls.stream().mapToInt(CallReport::invalidMessages).sum();
    }

    /** The first few invalid-message reasons over all calls. */
    public List<String> invalidReasons() {
        return calls.stream().flatMap(c -> c.invalidReasons().stream()).limit(REASONS_SHOWN).toList();
    }

    public int dtmfSent() {
        return calls.stream().mapToInt(CallReport::dtmfSent).sum();
    }

    /** Why calls failed or were cut short, one line per call, at most {@code limit}. */
    public List<String> failures(int limit) {
        return calls.stream().filter(c -> c.failure() != null).map(c -> c.callSid() + ": " + c.failure())
                .limit(limit).toList();
    }

    /** Every answered utterance's response time over all calls (ms). */
    public List<Long> responsesMs() {
        List<Long> all = new ArrayList<>();
        calls.forEach(c -> all.addAll(c.responsesMs()));
        return all;
    }

    public Double responseMedianMs() {
        return Stats.median(responsesMs());
    }
}
