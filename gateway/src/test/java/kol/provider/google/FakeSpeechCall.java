package kol.provider.google;

import com.google.cloud.speech.v1.RecognitionConfig;
import com.google.cloud.speech.v1.SpeechRecognitionAlternative;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognitionResult;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code StreamingRecognize} call on the {@link FakeSpeechServer}. It checks the requests as Google does (the
 * first carries only {@code streaming_config}, later ones only audio of at most 15 KB) and "recognises" the audio it
 * is sent: a run of loud codes ended by {@link #GAP_BYTES} of quiet ones is an utterance; every
 * {@link #INTERIM_BYTES} of a run gives an interim result, its end a final "word{n}" when the run is exactly
 * {@link CallAudio#utterance} n, else "garbled". Result times count from the start of this call's audio, as Google's
 * do. Half-closing finalises a run in progress and completes the call.
 */
final class FakeSpeechCall implements StreamObserver<StreamingRecognizeRequest> {
    /** Google's limit on a request's audio is 15 KB (v2 proto) to 25 KB (v1 quotas). */
    static final int MAX_AUDIO_BYTES = 15 * 1024;
    static final int GAP_BYTES = 300 * CallAudio.BYTES_PER_MS;
    static final int INTERIM_BYTES = 200 * CallAudio.BYTES_PER_MS;
    static final String DURATION_LIMIT = "Exceeded maximum allowed stream duration of 305 seconds.";
    static final String AUDIO_TIMEOUT = "Audio Timeout Error: Long duration elapsed without audio. Audio should be "
            + "sent close to real time.";

    private final FakeSpeechServer server;
    private final ServerCallStreamObserver<StreamingRecognizeResponse> responses;
    private final int index;
    private final boolean stalled;
    private final long cutBytes;
    private final long firstDelayBytes;
    private final long idleMs;
    private final Deque<StreamingRecognizeResponse> held = new ArrayDeque<>();
    private final List<Integer> requestSizes = new ArrayList<>();
    private byte[] heard = new byte[64 * 1024];
    private int pos;
    private boolean first = true;
    private StreamingRecognitionConfig config;
    private String outcome = "open";
    private boolean cutInsideUtterance;
    private int runStart = -1;
    private int lastLoud = -1;
    private int quiet;
    private boolean released;
    private long releaseAt = -1;
    private int responsesSent;
    private ScheduledFuture<?> idle;

    FakeSpeechCall(FakeSpeechServer server, ServerCallStreamObserver<StreamingRecognizeResponse> responses, int index,
            boolean stalled) {
        this.server = server;
        this.responses = responses;
        this.index = index;
        this.stalled = stalled;
        this.cutBytes = server.cutAfterMs() * CallAudio.BYTES_PER_MS;
        this.firstDelayBytes = server.firstResultDelayMs() * CallAudio.BYTES_PER_MS;
        this.released = firstDelayBytes == 0;
        this.idleMs = server.idleTimeoutMs();
        responses.setOnCancelHandler(() -> ended("cancelled"));
    }

    synchronized void begin() {
        armIdleTimer();
    }

    synchronized void refuse(Status status) {
        outcome = "refused " + status.getCode();
        responses.onError(status.asRuntimeException());
    }

    @Override
    public synchronized void onNext(StreamingRecognizeRequest request) {
        if (!outcome.equals("open")) {
            return;
        }
        armIdleTimer();
        if (first) {
            first = false;
            checkConfig(request);
            return;
        }
        if (request.hasStreamingConfig()) {
            server.violation("call " + index + ": streaming_config after the first request");
        }
        ByteString audio = request.getAudioContent();
        requestSizes.add(audio.size());
        if (audio.size() > MAX_AUDIO_BYTES) {
            server.violation("call " + index + ": a request of " + audio.size() + " bytes");
            fail(Status.INVALID_ARGUMENT.withDescription("Request audio can be a maximum of 15 KB."), "invalid");
            return;
        }
        for (int i = 0; i < audio.size() && outcome.equals("open"); i++) {
            hear(audio.byteAt(i));
        }
    }

    private void checkConfig(StreamingRecognizeRequest request) {
        if (!request.hasStreamingConfig() || !request.getAudioContent().isEmpty()) {
            server.violation("call " + index + ": the first request must carry streaming_config only");
        }
        config = request.getStreamingConfig();
        RecognitionConfig rc = config.getConfig();
        boolean matches = rc.getEncoding() == RecognitionConfig.AudioEncoding.MULAW
                && rc.getSampleRateHertz() == 8000 && config.getInterimResults()
                && rc.getLanguageCode().equals(server.expectedLanguage())
                && rc.getModel().equals(server.expectedModel()) && rc.getUseEnhanced() == server.expectedEnhanced();
        if (!matches) {
            fail(Status.INVALID_ARGUMENT.withDescription("Invalid recognition 'config': language "
                    + rc.getLanguageCode() + " with model " + rc.getModel() + " is not supported."), "invalid");
        }
    }

    private void hear(byte code) {
        if (pos == heard.length) {
            heard = Arrays.copyOf(heard, heard.length * 2);
        }
        heard[pos] = code;
        if (CallAudio.loud(code)) {
            if (runStart < 0) {
                runStart = pos;
            }
            lastLoud = pos;
            quiet = 0;
            if ((pos - runStart + 1) % INTERIM_BYTES == 0) {
                emit(result(interimText(), false, pos + 1));
            }
        } else if (runStart >= 0 && ++quiet == GAP_BYTES) {
            finishRun();
        }
        pos++;
        if (!released && releaseAt >= 0 && pos >= releaseAt) {
            released = true;
            while (!held.isEmpty()) {
                send(held.poll());
            }
        }
        if (cutBytes > 0 && pos >= cutBytes) {
            cutInsideUtterance = runStart >= 0;
            fail(Status.OUT_OF_RANGE.withDescription(DURATION_LIMIT), "cut");
        }
    }

    private void finishRun() {
        int n = CallAudio.identify(heard, runStart, lastLoud + 1);
        emit(result(n >= 0 ? "word" + n : "garbled", true, lastLoud + 1));
        runStart = -1;
    }

    private String interimText() {
        int n = CallAudio.number(heard, runStart, pos + 1);
        return n >= 0 ? "word" + n : "…";
    }

    private static StreamingRecognizeResponse result(String text, boolean isFinal, int endByte) {
        SpeechRecognitionAlternative.Builder alternative = SpeechRecognitionAlternative.newBuilder()
                .setTranscript(text);
        if (isFinal) {
            alternative.setConfidence(0.92f);
        }
        // One byte of 8 kHz μ-law is 125 µs.
        Duration end = Duration.newBuilder().setSeconds(endByte / 8000).setNanos(endByte % 8000 * 125_000).build();
        return StreamingRecognizeResponse.newBuilder()
                .addResults(StreamingRecognitionResult.newBuilder().addAlternatives(alternative).setIsFinal(isFinal)
                        .setStability(isFinal ? 0f : 0.8f).setResultEndTime(end))
                .build();
    }

    private void emit(StreamingRecognizeResponse response) {
        if (stalled) {
            return;
        }
        if (!released) {
            if (releaseAt < 0) {
                releaseAt = pos + firstDelayBytes;
            }
            held.add(response);
            return;
        }
        send(response);
    }

    private void send(StreamingRecognizeResponse response) {
        responses.onNext(response);
        responsesSent++;
    }

    @Override
    public synchronized void onError(Throwable t) {
        ended("cancelled");
    }

    /** The client half-closed: finalise what was heard, as Google does, and complete. */
    @Override
    public synchronized void onCompleted() {
        if (!outcome.equals("open") || stalled) {
            return;
        }
        if (runStart >= 0) {
            finishRun();
        }
        released = true;
        while (!held.isEmpty()) {
            send(held.poll());
        }
        ended("completed");
        responses.onCompleted();
    }

    private void armIdleTimer() {
        if (idleMs <= 0) {
            return;
        }
        if (idle != null) {
            idle.cancel(false);
        }
        idle = server.timers().schedule(this::idleTimeout, idleMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void idleTimeout() {
        if (outcome.equals("open")) {
            fail(Status.OUT_OF_RANGE.withDescription(AUDIO_TIMEOUT), "timeout");
        }
    }

    private void fail(Status status, String why) {
        ended(why);
        responses.onError(status.asRuntimeException());
    }

    private synchronized void ended(String why) {
        if (outcome.equals("open")) {
            outcome = why;
        }
        if (idle != null) {
            idle.cancel(false);
        }
    }

    /** open, completed, cut, timeout, cancelled, invalid or "refused CODE". */
    synchronized String outcome() {
        return outcome;
    }

    /** The audio this call heard, in order, up to where it ended. */
    synchronized byte[] heard() {
        return Arrays.copyOf(heard, pos);
    }

    synchronized List<Integer> requestSizes() {
        return List.copyOf(requestSizes);
    }

    synchronized StreamingRecognitionConfig config() {
        return config;
    }

    synchronized boolean cutInsideUtterance() {
        return cutInsideUtterance;
    }

    synchronized int responsesSent() {
        return responsesSent;
    }
}
