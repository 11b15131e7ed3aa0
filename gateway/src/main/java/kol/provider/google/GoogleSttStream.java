package kol.provider.google;

import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import kol.base.RateLimitedLog;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's recognition: a call-long conversation with Google made of successive {@code StreamingRecognize}
 * streams, renewed before Google's 305 s limit, after failures and after stalls, without losing or repeating audio.
 *
 * <p><b>No audio lost.</b> The last {@code GCP_STT_REPLAY_MAX_MS} of caller audio is kept. Audio up to the end of the
 * last final is "confirmed"; a new stream starts with the audio after it (replayed in one burst, as Google's own
 * endless-streaming sample does), then takes live audio. <b>No transcript repeated.</b> A result's time counts from
 * its stream's start, so it is placed at that start's call offset; a final ending where a delivered one already
 * ended is dropped ({@link SpeechTranscript}), and a stream let go is never heard from again.
 *
 * <p><b>When a stream is renewed</b>: after a final once it has carried {@code GCP_STT_RESTART_MS} of audio (between
 * utterances, so none is split), at {@link GoogleSttConfig#FORCED_RESTART_MS} whatever the caller is doing, at once
 * when Google ends it at its limit, when speech sent has gone unanswered for {@code GCP_STT_STALL_MS}, and after a
 * transient failure with back-off ({@link SpeechBackoff}). Credentials, permission and settings errors are not
 * retried: they are reported with {@code recovering=false} and the call goes on without words.
 *
 * <p>DESIGN: every duration here is caller audio (bytes received ÷ 8 per ms), not the wall clock. Google's limits
 * follow the audio when it arrives in real time, as the caller's does, continuously and silence included; and the
 * behaviour is then the same whether audio comes in real time or, in tests, faster. Nothing runs on a timer: the
 * caller's batches (and Google's callbacks) drive every decision, as a duty cycle would. A caller on hold still sends
 * silence, which keeps the stream from Google's ~10 s no-audio timeout; if audio stops altogether and Google closes
 * the stream, a new one opens with the next audio.
 *
 * <p>Threads: {@code sendAudio}, {@code endOfUtterance}, {@code cancelUtterance} and {@code close} come from the
 * call's thread, one at a time; gRPC callbacks come from the client's executor. One lock (this object) guards all
 * state, and listener calls are made holding it: they are in order, never concurrent, and must not block.
 */
public final class GoogleSttStream implements SttStream, SpeechAttempt.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSttStream.class);
    private static final int BYTES_PER_MS = 8;
    /**
     * A new stream that has carried this much caller audio without failing, and has no speech waiting for an answer,
     * counts as recovered: Google answers nothing to silence, so a silent caller gives no other proof.
     */
    private static final int RECOVERY_PROOF_BYTES = 1000 * BYTES_PER_MS;
    /** A stream ended "at its duration limit" with less audio than this is treated as a failure. */
    private static final long MIN_CUT_STREAM_MS = 10_000;

    private final BidiStreamingCallable<StreamingRecognizeRequest, StreamingRecognizeResponse> callable;
    private final GoogleSttConfig config;
    private final StreamingRecognizeRequest configRequest;
    private final String callId;
    private final SttListener listener;
    private final RateLimitedLog warnings;
    private final SpeechHealth health;
    private final SpeechAudioRing ring;
    private final SpeechTranscript transcript;
    /** Replay goes in 400 ms requests: near Google's recommended 100 ms frames, few requests per second of replay. */
    private final byte[] replayChunk = new byte[400 * BYTES_PER_MS];
    private final long stallBytes;

    private SpeechAttempt current;
    /** Call offset up to which audio is transcribed (or was heard out): a new stream starts after it. */
    private long confirmedBytes;
    /** Call offset up to which some stream has been sent audio. */
    private long sentHighBytes;
    /** Utterance mode: where the last {@code endOfUtterance} was, or -1. */
    private long utteranceEndBytes = -1;
    private boolean pumping;
    private boolean closed;
    private boolean stopped;

    private long streamsOpened;
    private long renewedAtBoundary;
    private long renewedForced;
    private long cutByGoogle;
    private long stalls;
    private long audioTimeouts;
    private long replayedBytes;
    private long unreplayedBytes;
    private long requestsSent;
    private int largestRequestBytes;

    GoogleSttStream(BidiStreamingCallable<StreamingRecognizeRequest, StreamingRecognizeResponse> callable,
            GoogleSttConfig config, String callId, SttListener listener, RateLimitedLog warnings,
            SpeechBackoff backoff) {
        this.callable = callable;
        this.config = config;
        this.configRequest = config.configRequest();
        this.callId = callId;
        this.listener = listener;
        this.warnings = warnings;
        this.health = new SpeechHealth(backoff, config.outageFallbackMs());
        this.ring = new SpeechAudioRing(config.replayMaxMs() * BYTES_PER_MS);
        this.transcript = new SpeechTranscript(listener);
        this.stallBytes = (long) config.stallMs() * BYTES_PER_MS;
    }

    @Override
    public synchronized void sendAudio(byte[] ulaw, int off, int len) {
        if (closed || stopped || len <= 0) {
            return;
        }
        long batchStart = ring.endBytes();
        ring.append(ulaw, off, len);
        SpeechAttempt attempt = current;
        if (attempt != null && !attempt.isEnded() && !attempt.halfClosed()) {
            attempt.sendAudio(ulaw, off, len, batchStart);
            sentHighBytes = Math.max(sentHighBytes, attempt.endBytes());
        }
        pump();
    }

    @Override
    public synchronized void endOfUtterance() {
        if (closed || stopped) {
            return;
        }
        utteranceEndBytes = ring.endBytes();
        SpeechAttempt attempt = current;
        if (attempt != null && !attempt.isEnded()) {
            attempt.halfClose(utteranceEndBytes);
        }
        pump();
    }

    /** Lets the stream go and counts everything sent so far as done: none of it will be transcribed. */
    @Override
    public synchronized void cancelUtterance() {
        if (closed || stopped) {
            return;
        }
        if (current != null) {
            letGo(current);
        }
        confirm(ring.endBytes());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            letGo(current);
        }
        LOG.debug("Speech-to-text call={} closed: {}", callId, stats());
    }

    /** Call audio time (ms) at which recognition went down, or -1 while it works. */
    public synchronized long downSinceMs() {
        return health.isDown() ? health.downSinceBytes() / BYTES_PER_MS : -1;
    }

    /** How long recognition has been down, in ms of caller audio since; 0 while it works. */
    public synchronized long downForMs() {
        return health.isDown() ? (ring.endBytes() - health.downSinceBytes()) / BYTES_PER_MS : 0;
    }

    public synchronized GoogleSttStats stats() {
        long requests = requestsSent + (current == null ? 0 : current.requestsSent());
        int largest = Math.max(largestRequestBytes, current == null ? 0 : current.largestRequestBytes());
        return new GoogleSttStats(ring.endBytes(), streamsOpened, renewedAtBoundary, renewedForced, cutByGoogle,
                stalls, health.failuresTotal(), audioTimeouts, replayedBytes, unreplayedBytes, transcript.finals(),
                transcript.partials(), transcript.duplicateFinals(), requests, largest);
    }

    @Override
    public synchronized void onResponse(SpeechAttempt attempt, StreamingRecognizeResponse response) {
        if (closed || attempt != current || attempt.isEnded()) {
            return;
        }
        if (response.hasError() && response.getError().getCode() != 0) {
            attempt.cancel();
            attempt.ended(SpeechFailure.inBand(response.getError()).cause());
            pump();
            return;
        }
        attempt.answered();
        health.answered();
        long finalEndBytes = transcript.deliver(attempt, response.getResultsList());
        if (finalEndBytes >= 0) {
            confirm(Math.min(finalEndBytes, attempt.endBytes()));
        }
        pump();
    }

    @Override
    public synchronized void onEnd(SpeechAttempt attempt, Throwable failure) {
        if (closed || attempt != current) {
            return;
        }
        attempt.ended(failure);
        pump();
    }

    /**
     * Brings the stream to a steady state: settles a stream that ended, renews one that is due, opens one when there
     * is audio no stream has heard. Reentrant calls (a callback fired while opening) return at once; the pass loop
     * picks up what they recorded.
     */
    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            for (int pass = 0; pass < 4 && !closed && !stopped; pass++) {
                SpeechAttempt attempt = current;
                boolean changed = attempt == null ? openIfDue() : settleOrRenew(attempt);
                if (!changed) {
                    break;
                }
            }
            if (!closed && !stopped) {
                watchOutage();
            }
        } finally {
            pumping = false;
        }
    }

    private boolean openIfDue() {
        long now = ring.endBytes();
        long from = Math.max(confirmedBytes, ring.startBytes());
        if (from >= now || !health.mayAttempt(now)) {
            return false;
        }
        if (from > confirmedBytes) {
            unreplayedBytes += from - confirmedBytes;
            warnings.warn("Speech-to-text call=" + callId + ": " + (from - confirmedBytes) / BYTES_PER_MS
                    + " ms of caller audio that no final covered is older than GCP_STT_REPLAY_MAX_MS="
                    + config.replayMaxMs() + " and is not sent again.");
            confirmedBytes = from;
        }
        SpeechAttempt attempt = new SpeechAttempt(this, from, now);
        current = attempt;
        streamsOpened++;
        attempt.start(callable, configRequest);
        for (long at = from; at < now && !attempt.isEnded(); ) {
            int n = (int) Math.min(replayChunk.length, now - at);
            ring.copy(at, replayChunk, 0, n);
            attempt.sendAudio(replayChunk, 0, n, now);
            at += n;
        }
        replayedBytes += Math.max(0, Math.min(now, sentHighBytes) - from);
        sentHighBytes = Math.max(sentHighBytes, now);
        if (utteranceEndBytes == now) {
            attempt.halfClose(now);
        }
        return true;
    }

    private boolean settleOrRenew(SpeechAttempt attempt) {
        if (attempt.isEnded()) {
            settle(attempt);
            return true;
        }
        long now = ring.endBytes();
        if (attempt.halfClosed()) {
            if (now - attempt.halfClosedAtBytes() >= stallBytes) {
                stall(attempt, attempt.halfClosedAtBytes());
                return true;
            }
            return false;
        }
        long voiceAt = attempt.unansweredVoiceAtBytes();
        if (voiceAt >= 0 && now - voiceAt >= stallBytes) {
            stall(attempt, voiceAt);
            return true;
        }
        if (config.restartMs() > 0) {
            long streamMs = attempt.streamMs();
            if (streamMs >= GoogleSttConfig.FORCED_RESTART_MS) {
                renewedForced++;
                renew(attempt, "forced at " + streamMs + " ms");
                return true;
            }
            if (streamMs >= config.restartMs() && attempt.atUtteranceBoundary()) {
                renewedAtBoundary++;
                renew(attempt, "after a final at " + streamMs + " ms");
                return true;
            }
        }
        return false;
    }

    private void renew(SpeechAttempt attempt, String why) {
        LOG.debug("Speech-to-text call={}: renewing the stream {} (replaying {} ms)", callId, why,
                (ring.endBytes() - Math.max(confirmedBytes, ring.startBytes())) / BYTES_PER_MS);
        letGo(attempt);
        health.retryNow(ring.endBytes());
    }

    private void settle(SpeechAttempt attempt) {
        letGo(attempt);
        Throwable why = attempt.failure();
        long now = ring.endBytes();
        if (why == null) {
            if (attempt.halfClosed()) {
                // Utterance mode: Google heard out everything it was sent and finalised it.
                confirm(attempt.endBytes());
                health.retryNow(now);
            } else {
                retryLater(new GoogleSttException("OK", "Google Speech-to-Text ended the stream before it was asked "
                        + "to; reopening.", null), now);
            }
            return;
        }
        SpeechFailure failure = SpeechFailure.of(why);
        GoogleSttException explained = failure.explain(config);
        switch (failure.kind()) {
            case STREAM_LIMIT -> {
                if (attempt.streamMs() < MIN_CUT_STREAM_MS) {
                    // A "limit" long before the limit is no limit: back off rather than reconnect in a loop.
                    retryLater(explained, now);
                    return;
                }
                cutByGoogle++;
                health.retryNow(now);
                warnings.warn("Speech-to-text call=" + callId + ": " + explained.getMessage());
                tell(explained, true);
            }
            case AUDIO_TIMEOUT -> {
                // No audio reached Google for ~10 s: the carrier stopped sending. It heard out what it had.
                audioTimeouts++;
                confirm(attempt.endBytes());
                health.retryNow(now);
                LOG.info("Speech-to-text call={}: {} A new stream opens with the next audio.", callId,
                        explained.getMessage());
            }
            case RETRY -> retryLater(explained, now);
            default -> {
                stopped = true;
                warnings.warn("Speech-to-text call=" + callId + " stopped: " + explained.getMessage());
                tell(explained, false);
            }
        }
    }

    private void stall(SpeechAttempt attempt, long sinceBytes) {
        stalls++;
        letGo(attempt);
        long silentMs = (ring.endBytes() - sinceBytes) / BYTES_PER_MS;
        retryLater(new GoogleSttException("STALLED", "Google Speech-to-Text answered nothing for " + silentMs
                + " ms of caller speech (GCP_STT_STALL_MS=" + config.stallMs() + "); restarting the stream.", null),
                sinceBytes);
    }

    /** A transient failure: retry after a back-off in caller audio, and note since when recognition is down. */
    private void retryLater(GoogleSttException error, long downSince) {
        long now = ring.endBytes();
        boolean newOutage = !health.isDown();
        int delayMs = health.failed(now, downSince, error.getMessage());
        warnings.warn("Speech-to-text call=" + callId + ": " + error.getMessage() + " Next attempt in " + delayMs
                + " ms of caller audio (failure " + health.failures() + " in a row, down for "
                + (now - health.downSinceBytes()) / BYTES_PER_MS + " ms).");
        // The listener hears when recognition goes down, and once more if it stays down (watchOutage); each retry
        // is in the rate-limited log, not one report per retry per call.
        if (newOutage) {
            tell(error, true);
        }
    }

    private void watchOutage() {
        if (!health.isDown()) {
            return;
        }
        long now = ring.endBytes();
        SpeechAttempt attempt = current;
        if (attempt != null && !attempt.isEnded() && (attempt.hasAnswered()
                || now - attempt.openedAtBytes() >= RECOVERY_PROOF_BYTES && attempt.unansweredVoiceAtBytes() < 0)) {
            LOG.debug("Speech-to-text call={}: recognition is back after {} ms of caller audio", callId,
                    (now - health.downSinceBytes()) / BYTES_PER_MS);
            health.recovered();
            return;
        }
        SpeechOutageException outage = health.outageDue(now);
        if (outage != null) {
            tell(outage, true);
            try {
                listener.onOutage(outage.downForMs());
            } catch (RuntimeException e) {
                LOG.warn("Speech-to-text listener failed on an outage report", e);
            }
        }
    }

    private void letGo(SpeechAttempt attempt) {
        attempt.cancel();
        requestsSent += attempt.requestsSent();
        largestRequestBytes = Math.max(largestRequestBytes, attempt.largestRequestBytes());
        if (current == attempt) {
            current = null;
        }
    }

    private void confirm(long bytes) {
        confirmedBytes = Math.max(confirmedBytes, Math.min(bytes, ring.endBytes()));
    }

    private void tell(Exception error, boolean recovering) {
        try {
            listener.onError(error, recovering);
        } catch (RuntimeException e) {
            LOG.warn("Speech-to-text listener failed on an error report", e);
        }
    }
}
