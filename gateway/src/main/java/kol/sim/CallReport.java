package kol.sim;

import java.util.List;

/**
 * What one simulated call measured.
 *
 * @param callSid the call's {@code CA…} id (the server logs under it)
 * @param streamSid the stream's {@code MZ…} id
 * @param outcome how the call ended
 * @param failure why it failed or was cut short; null when completed
 * @param durationMs from {@code start} sent to {@code stop} sent (or to the server's close)
 * @param framesSent caller media frames sent
 * @param framesReceived valid media messages received
 * @param speechSecondFps media messages received in each whole second of bot speech
 * @param jitterP99Ms p99 of |inter-arrival − payload duration| within talk spurts; NaN with too few frames
 * @param playoutMaxMs the deepest the playout buffer was: how far ahead of real time the server sent
 * @param underruns times the buffer ran dry mid-utterance (audio came again within 200 ms)
 * @param marks marks echoed, in order
 * @param marksPending marks whose audio had not played when the call ended (never echoed)
 * @param clears {@code clear} messages received
 * @param firstAudioMs from {@code start} sent to the first media received; -1 when none came
 * @param invalidMessages messages Twilio would have rejected
 * @param invalidReasons the first few reasons
 * @param dtmfSent {@code dtmf} messages sent
 * @param responsesMs caller end of speech → first bot audio after it, per answered utterance, from the audio
 */
public record CallReport(String callSid, String streamSid, Outcome outcome, String failure, long durationMs,
        long framesSent, int framesReceived, List<Integer> speechSecondFps, double jitterP99Ms, long playoutMaxMs,
        int underruns, List<MarkEcho> marks, int marksPending, int clears, long firstAudioMs, int invalidMessages,
        List<String> invalidReasons, int dtmfSent, List<Long> responsesMs) {

    /** How a simulated call ended. */
    public enum Outcome {
        /** The stream ran its full length and the simulator sent {@code stop}. */
        COMPLETED,
        /** The webhook or the WebSocket connection failed: no stream. */
        CONNECT_FAILED,
        /** The server closed the stream before the simulator's {@code stop}. */
        DROPPED
    }

    public CallReport {
        speechSecondFps = List.copyOf(speechSecondFps);
        marks = List.copyOf(marks);
        invalidReasons = List.copyOf(invalidReasons);
        responsesMs = List.copyOf(responsesMs);
    }

    /** A call that never had a stream. */
    static CallReport connectFailed(String callSid, String streamSid, String failure) {
        return new CallReport(callSid, streamSid, Outcome.CONNECT_FAILED, failure, 0, 0, 0, List.of(), Double.NaN,
                0, 0, List.of(), 0, 0, -1, 0, List.of(), 0, List.of());
    }

    /** Completed with no invalid message. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && invalidMessages == 0;
    }

    public Integer fpsMin() {
        return Stats.min(speechSecondFps);
    }

    public Double fpsMedian() {
        return Stats.median(speechSecondFps);
    }

    public Integer fpsMax() {
        return Stats.max(speechSecondFps);
    }

    /** Delays of the marks whose audio played (a cleared mark's delay says nothing about playout). */
    public List<Long> playedMarkDelaysMs() {
        return marks.stream().filter(m -> !m.cleared()).map(MarkEcho::delayMs).toList();
    }

    public Double markDelayMedianMs() {
        return Stats.median(playedMarkDelaysMs());
    }

    public Long markDelayMaxMs() {
        return Stats.maxLong(playedMarkDelaysMs());
    }
}
