package kol.provider.google;

import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kol.base.Settings;

/**
 * Google's {@code google.cloud.speech.v1.Speech/StreamingRecognize} on a loopback port, speaking the real wire protocol
 * (HTTP/2, the v1 protobuf messages). The service is registered by its full method name with the protobuf
 * marshallers, exactly what the generated {@code SpeechGrpc.SpeechImplBase} does: the generated stub artifact is not
 * among the build's dependencies, the messages are.
 *
 * <p>Each call is a {@link FakeSpeechCall} that checks the requests and "recognises" {@link CallAudio}. The script
 * (cut length, refusals, stalls, a slow first result, the no-audio timeout) applies to calls opened after it is set.
 */
final class FakeSpeechServer implements AutoCloseable {
    static final String SERVICE = "google.cloud.speech.v1.Speech";
    static final MethodDescriptor<StreamingRecognizeRequest, StreamingRecognizeResponse> STREAMING_RECOGNIZE =
            MethodDescriptor.<StreamingRecognizeRequest, StreamingRecognizeResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "StreamingRecognize"))
                    .setRequestMarshaller(ProtoUtils.marshaller(StreamingRecognizeRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(StreamingRecognizeResponse.getDefaultInstance()))
                    .build();

    private final Server server;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-speech-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final List<FakeSpeechCall> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Status> refusals = new ArrayDeque<>();
    private Status refuseAll;
    private int stallCalls;
    private volatile String expectedLanguage = "iw-IL";
    private volatile String expectedModel = "default";
    private volatile boolean expectedEnhanced = true;
    private volatile long cutAfterMs;
    private volatile long firstResultDelayMs;
    private volatile long idleTimeoutMs;

    private FakeSpeechServer() throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(STREAMING_RECOGNIZE, ServerCalls.asyncBidiStreamingCall(this::streamingRecognize))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(service).build().start();
    }

    static FakeSpeechServer start() throws IOException {
        return new FakeSpeechServer();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Settings that point the production adapter here, with {@code overrides} on top. */
    Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("GCP_STT_ENDPOINT", endpoint(), "GCP_STT_CHANNELS", "1"));
        values.putAll(overrides);
        return Settings.of(values);
    }

    private StreamObserver<StreamingRecognizeRequest> streamingRecognize(
            StreamObserver<StreamingRecognizeResponse> responses) {
        Status refusal;
        boolean stall;
        synchronized (this) {
            refusal = refuseAll != null ? refuseAll : refusals.poll();
            stall = refusal == null && stallCalls > 0;
            if (stall) {
                stallCalls--;
            }
        }
        FakeSpeechCall call = new FakeSpeechCall(this, (ServerCallStreamObserver<StreamingRecognizeResponse>) responses,
                calls.size(), stall);
        calls.add(call);
        if (refusal != null) {
            call.refuse(refusal);
        } else {
            call.begin();
        }
        return call;
    }

    /** The next {@code count} calls are refused with {@code status}. */
    synchronized FakeSpeechServer refuseNext(int count, Status status) {
        for (int i = 0; i < count; i++) {
            refusals.add(status);
        }
        return this;
    }

    /** Every call from now on is refused with {@code status} (null: none). */
    synchronized FakeSpeechServer refuseAll(Status status) {
        refuseAll = status;
        return this;
    }

    /** The next {@code count} accepted calls take audio but never answer or end. */
    synchronized FakeSpeechServer stallNext(int count) {
        stallCalls += count;
        return this;
    }

    /** Ends each call with Google's OUT_OF_RANGE duration error once it has received this much audio (0: never). */
    FakeSpeechServer cutAfterMs(long ms) {
        cutAfterMs = ms;
        return this;
    }

    /** Holds a call's first response until this much more audio has arrived. */
    FakeSpeechServer firstResultDelayMs(long ms) {
        firstResultDelayMs = ms;
        return this;
    }

    /** Ends a call with Google's audio-timeout error after this long (wall clock) without a request (0: never). */
    FakeSpeechServer idleTimeoutMs(long ms) {
        idleTimeoutMs = ms;
        return this;
    }

    FakeSpeechServer expect(String language, String model, boolean enhanced) {
        expectedLanguage = language;
        expectedModel = model;
        expectedEnhanced = enhanced;
        return this;
    }

    String expectedLanguage() {
        return expectedLanguage;
    }

    String expectedModel() {
        return expectedModel;
    }

    boolean expectedEnhanced() {
        return expectedEnhanced;
    }

    long cutAfterMs() {
        return cutAfterMs;
    }

    long firstResultDelayMs() {
        return firstResultDelayMs;
    }

    long idleTimeoutMs() {
        return idleTimeoutMs;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    void violation(String what) {
        violations.add(what);
    }

    /** Protocol rules the client broke: first request not config-only, config later, an oversized request. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Every call so far, refused ones included, in the order they arrived. */
    List<FakeSpeechCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        timers.shutdownNow();
    }
}
