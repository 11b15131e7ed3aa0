package kol.provider.google;

import com.google.cloud.texttospeech.v1.StreamingSynthesizeRequest;
import com.google.cloud.texttospeech.v1.StreamingSynthesizeResponse;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechRequest;
import com.google.cloud.texttospeech.v1.SynthesizeSpeechResponse;
import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Text-to-Speech server on a loopback port speaking the real {@code google.cloud.texttospeech.v1.TextToSpeech}
 * service (the method names and protobuf messages of cloud_tts.proto), scripted per test: what each
 * {@code SynthesizeSpeech} answers, and which chunks {@code StreamingSynthesize} sends when. It keeps every request
 * and notices cancellations.
 *
 * <p>The method descriptors are built here from the published messages because the generated
 * {@code TextToSpeechGrpc} stub is not among the dependencies; the wire names are the service's own.
 */
final class FakeGoogleTtsServer implements AutoCloseable {

    static final String SERVICE = "google.cloud.texttospeech.v1.TextToSpeech";

    static final MethodDescriptor<SynthesizeSpeechRequest, SynthesizeSpeechResponse> SYNTHESIZE =
            MethodDescriptor.<SynthesizeSpeechRequest, SynthesizeSpeechResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "SynthesizeSpeech"))
                    .setRequestMarshaller(ProtoUtils.marshaller(SynthesizeSpeechRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(SynthesizeSpeechResponse.getDefaultInstance()))
                    .build();

    static final MethodDescriptor<StreamingSynthesizeRequest, StreamingSynthesizeResponse> STREAMING =
            MethodDescriptor.<StreamingSynthesizeRequest, StreamingSynthesizeResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "StreamingSynthesize"))
                    .setRequestMarshaller(ProtoUtils.marshaller(StreamingSynthesizeRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(StreamingSynthesizeResponse.getDefaultInstance()))
                    .build();

    /** What one unary call does: answer with this WAV after a delay, fail with a status, or never answer. */
    record Answer(byte[] wav, long delayMs, Status failure) {
        static Answer wav(byte[] wav) {
            return new Answer(wav, 0, null);
        }

        static Answer failure(Status status) {
            return new Answer(null, 0, status);
        }

        static Answer never() {
            return new Answer(null, -1, null);
        }
    }

    /** One streamed chunk, sent {@code delayMs} after the previous one (or after the client half-closes). */
    record Chunk(byte[] audio, long delayMs) {
    }

    /** What the streaming call does after the client half-closes: send chunks, then end, fail or hang. */
    record Script(List<Chunk> chunks, Status failureAfter, boolean hangAfter) {
        static Script of(Chunk... chunks) {
            return new Script(List.of(chunks), null, false);
        }
    }

    final List<SynthesizeSpeechRequest> unaryRequests = new CopyOnWriteArrayList<>();
    final List<StreamingSynthesizeRequest> streamingRequests = new CopyOnWriteArrayList<>();
    final CountDownLatch cancelled = new CountDownLatch(1);
    final CountDownLatch streamCompleted = new CountDownLatch(1);
    volatile Function<SynthesizeSpeechRequest, Answer> unary = request -> Answer.never();
    volatile Script streaming = Script.of();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Server server;

    FakeGoogleTtsServer() throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(SYNTHESIZE, ServerCalls.asyncUnaryCall(this::synthesize))
                .addMethod(STREAMING, ServerCalls.asyncBidiStreamingCall(this::streamingSynthesize))
                .build();
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build()
                .start();
    }

    String endpoint() {
        return "localhost:" + server.getPort();
    }

    private void synthesize(SynthesizeSpeechRequest request, StreamObserver<SynthesizeSpeechResponse> response) {
        unaryRequests.add(request);
        ((ServerCallStreamObserver<SynthesizeSpeechResponse>) response).setOnCancelHandler(cancelled::countDown);
        Answer answer = unary.apply(request);
        if (answer.failure() != null) {
            response.onError(answer.failure().asRuntimeException());
        } else if (answer.delayMs() >= 0) {
            timer.schedule(() -> {
                response.onNext(SynthesizeSpeechResponse.newBuilder()
                        .setAudioContent(ByteString.copyFrom(answer.wav())).build());
                response.onCompleted();
            }, answer.delayMs(), TimeUnit.MILLISECONDS);
        }
    }

    private StreamObserver<StreamingSynthesizeRequest> streamingSynthesize(
            StreamObserver<StreamingSynthesizeResponse> response) {
        ServerCallStreamObserver<StreamingSynthesizeResponse> call =
                (ServerCallStreamObserver<StreamingSynthesizeResponse>) response;
        call.setOnCancelHandler(cancelled::countDown);
        return new StreamObserver<>() {
            @Override
            public void onNext(StreamingSynthesizeRequest request) {
                streamingRequests.add(request);
            }

            @Override
            public void onError(Throwable t) {
                cancelled.countDown();
            }

            @Override
            public void onCompleted() {
                play(streaming, 0, call);
            }
        };
    }

    private void play(Script script, int index, ServerCallStreamObserver<StreamingSynthesizeResponse> call) {
        if (call.isCancelled()) {
            return;
        }
        if (index == script.chunks().size()) {
            if (script.failureAfter() != null) {
                call.onError(script.failureAfter().asRuntimeException());
            } else if (!script.hangAfter()) {
                call.onCompleted();
                streamCompleted.countDown();
            }
            return;
        }
        Chunk chunk = script.chunks().get(index);
        timer.schedule(() -> {
            if (!call.isCancelled()) {
                call.onNext(StreamingSynthesizeResponse.newBuilder()
                        .setAudioContent(ByteString.copyFrom(chunk.audio())).build());
                play(script, index + 1, call);
            }
        }, chunk.delayMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        timer.shutdownNow();
    }
}
