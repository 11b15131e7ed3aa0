package kol.provider.google;

/**
 * One call's recognition counters, read from outside (logs, tests, the dashboard).
 *
 * @param audioBytes caller audio received (8 bytes per ms)
 * @param streamsOpened {@code StreamingRecognize} calls opened
 * @param renewedAtBoundary streams renewed after a final once {@code GCP_STT_RESTART_MS} had passed
 * @param renewedForced streams renewed mid-utterance at {@link GoogleSttConfig#FORCED_RESTART_MS}
 * @param cutByGoogle streams Google ended at its duration limit
 * @param stalls streams restarted because speech went unanswered for {@code GCP_STT_STALL_MS}
 * @param failures transient failures retried with back-off (stalls included)
 * @param audioTimeouts streams Google closed after ~10 s without audio
 * @param replayedBytes audio sent again into a new stream
 * @param unreplayedBytes audio no final covered that was too old to replay ({@code GCP_STT_REPLAY_MAX_MS})
 * @param finals finals delivered
 * @param partials interim results delivered
 * @param duplicateFinals finals dropped because their audio had already been transcribed
 * @param requestsSent requests sent to Google, configuration included
 * @param largestRequestBytes the largest audio payload of a single request
 */
public record GoogleSttStats(long audioBytes, long streamsOpened, long renewedAtBoundary, long renewedForced,
        long cutByGoogle, long stalls, long failures, long audioTimeouts, long replayedBytes, long unreplayedBytes,
        long finals, long partials, long duplicateFinals, long requestsSent, int largestRequestBytes) {
}
