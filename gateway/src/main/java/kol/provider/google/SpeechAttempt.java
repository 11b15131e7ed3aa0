package kol.provider.google;

import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.api.gax.rpc.ClientStream;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.StreamController;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import com.google.protobuf.ByteString;

/**
 * One {@code StreamingRecognize} call: a contiguous run of the call's audio, from {@link #startBytes} (a call offset:
 * bytes since the call's first audio byte) to {@link #endBytes}, sent after the configuration request. Google's
 * {@code result_end_time} counts from the start of the stream, so a result ends at {@code startBytes} plus it.
 *
 * <p>Its state is guarded by the owning {@link GoogleSttStream}'s lock; the gRPC callbacks go straight to the owner,
 * which takes that lock and ignores an attempt it has let go.
 */
final class SpeechAttempt implements ResponseObserver<StreamingRecognizeResponse> {
    /**
     * Largest audio payload per request. The v2 proto allows 15 KB per request, v1's quota page 25 KB
     * (PROTOCOLS.md §6.2); 15 000 bytes (1.875 s of μ-law) stays under both.
     */
    static final int MAX_REQUEST_BYTES = 15_000;

    /** Receives an attempt's results and its end. */
    interface Owner {
        void onResponse(SpeechAttempt attempt, StreamingRecognizeResponse response);

        /** The call ended: {@code failure} is null for a clean completion. */
        void onEnd(SpeechAttempt attempt, Throwable failure);
    }

    private final Owner owner;
    private final long startBytes;
    private final long openedAtBytes;
    private long endBytes;
    private volatile StreamController controller;
    private ClientStream<StreamingRecognizeRequest> requests;
    private boolean halfClosed;
    private long halfClosedAtBytes;
    private boolean ended;
    private Throwable failure;
    private boolean answered;
    private long unansweredVoiceAtBytes = -1;
    private boolean partialPending;
    private long requestsSent;
    private int largestRequestBytes;

    /**
     * @param startBytes call offset of the first audio byte this stream gets
     * @param openedAtBytes how much caller audio there had been when it opened (its audio clock)
     */
    SpeechAttempt(Owner owner, long startBytes, long openedAtBytes) {
        this.owner = owner;
        this.startBytes = startBytes;
        this.endBytes = startBytes;
        this.openedAtBytes = openedAtBytes;
    }

    /** Opens the call and sends the configuration. A failure here arrives, like any other, through the owner. */
    void start(BidiStreamingCallable<StreamingRecognizeRequest, StreamingRecognizeResponse> callable,
            StreamingRecognizeRequest config) {
        try {
            requests = callable.splitCall(this);
        } catch (RuntimeException e) {
            // A client that is shutting down refuses new calls.
            ended(e);
            return;
        }
        send(config, 0);
    }

    /**
     * Sends audio in requests of at most {@link #MAX_REQUEST_BYTES}.
     *
     * @param nowBytes how much caller audio there has been (the stall clock)
     */
    void sendAudio(byte[] ulaw, int off, int len, long nowBytes) {
        for (int at = 0; at < len && !ended; at += MAX_REQUEST_BYTES) {
            int n = Math.min(MAX_REQUEST_BYTES, len - at);
            if (unansweredVoiceAtBytes < 0 && SpeechLevel.voiced(ulaw, off + at, n)) {
                unansweredVoiceAtBytes = nowBytes;
            }
            send(StreamingRecognizeRequest.newBuilder().setAudioContent(ByteString.copyFrom(ulaw, off + at, n))
                    .build(), n);
        }
        endBytes += len;
    }

    private void send(StreamingRecognizeRequest request, int audioBytes) {
        if (ended) {
            return;
        }
        try {
            requests.send(request);
            requestsSent++;
            largestRequestBytes = Math.max(largestRequestBytes, audioBytes);
        } catch (RuntimeException e) {
            // The call closed under us; its end (or this) is handled like any other failure.
            ended(e);
        }
    }

    /** No more audio: Google finalises what it heard and completes the call (utterance mode). */
    void halfClose(long nowBytes) {
        if (!halfClosed && !ended) {
            halfClosed = true;
            halfClosedAtBytes = nowBytes;
            try {
                requests.closeSend();
            } catch (RuntimeException e) {
                ended(e);
            }
        }
    }

    /** Drops the call; its results, if any still arrive, are ignored by the owner. */
    void cancel() {
        ended = true;
        StreamController c = controller;
        if (c != null) {
            c.cancel();
        }
    }

    void ended(Throwable why) {
        if (!ended) {
            ended = true;
            failure = why;
        } else if (failure == null) {
            failure = why;
        }
    }

    /** A response arrived: the stream is alive and has answered everything sent so far. */
    void answered() {
        answered = true;
        unansweredVoiceAtBytes = -1;
    }

    @Override
    public void onStart(StreamController streamController) {
        this.controller = streamController;
    }

    @Override
    public void onResponse(StreamingRecognizeResponse response) {
        owner.onResponse(this, response);
    }

    @Override
    public void onError(Throwable t) {
        owner.onEnd(this, t);
    }

    @Override
    public void onComplete() {
        owner.onEnd(this, null);
    }

    long startBytes() {
        return startBytes;
    }

    long endBytes() {
        return endBytes;
    }

    long openedAtBytes() {
        return openedAtBytes;
    }

    /** Audio this stream has been sent, replay included: what Google's duration limit counts. */
    long streamMs() {
        return (endBytes - startBytes) / 8;
    }

    boolean halfClosed() {
        return halfClosed;
    }

    long halfClosedAtBytes() {
        return halfClosedAtBytes;
    }

    boolean isEnded() {
        return ended;
    }

    Throwable failure() {
        return failure;
    }

    boolean hasAnswered() {
        return answered;
    }

    /** Caller audio at which speech was first sent with no answer since, or -1. */
    long unansweredVoiceAtBytes() {
        return unansweredVoiceAtBytes;
    }

    boolean partialPending() {
        return partialPending;
    }

    void partialPending(boolean pending) {
        partialPending = pending;
    }

    /** Between utterances: no interim result open and no speech sent since the last answer. */
    boolean atUtteranceBoundary() {
        return !partialPending && unansweredVoiceAtBytes < 0;
    }

    long requestsSent() {
        return requestsSent;
    }

    int largestRequestBytes() {
        return largestRequestBytes;
    }
}
