package kol.provider.llm;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that answers each request with the next scripted reply, written the way the providers write
 * their streams (status, headers, SSE chunks as separate writes, pauses, a dropped connection), and records each
 * request with a future that completes when its client goes away.
 */
public final class FakeStreamServer implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** How to answer one request. Runs on the server's event loop. */
    @FunctionalInterface
    public interface Reply {
        void serve(HttpServerResponse response, Vertx vertx);
    }

    /**
     * One request as the server saw it.
     *
     * @param path the path
     * @param headers the headers, names in lower case
     * @param body the body as text
     * @param clientGone completes when the client closed the connection before the reply ended
     */
    public record Request(String path, Map<String, String> headers, String body, CompletableFuture<Void> clientGone) {
    }

    private FakeStreamServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(this::onRequest);
        server.listen().await();
    }

    /** A server on a free port of 127.0.0.1. */
    public static FakeStreamServer start(Vertx vertx) {
        return new FakeStreamServer(vertx);
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Answers the next request with {@code reply} (requests beyond the script get HTTP 500). */
    public FakeStreamServer then(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Request {@code index}, waiting up to two seconds for it. */
    public Request request(int index) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (requests.size() <= index) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("request " + index + " never arrived");
            }
            Thread.sleep(5);
        }
        return requests.get(index);
    }

    /** HTTP 200 with these SSE chunks, each its own write, then the end of the body. */
    public static Reply sse(String... chunks) {
        return (response, vertx) -> {
            startStream(response);
            for (String chunk : chunks) {
                response.write(chunk);
            }
            response.end();
        };
    }

    /** HTTP 200 with these chunks, then the connection left open with nothing more. */
    public static Reply sseThenHold(String... chunks) {
        return (response, vertx) -> {
            startStream(response);
            for (String chunk : chunks) {
                response.write(chunk);
            }
        };
    }

    /** No answer at all, not even headers: a server that accepted the connection and hung. */
    public static Reply silent() {
        return (response, vertx) -> { };
    }

    /** HTTP 200 headers, then nothing at all: a model that never starts. */
    public static Reply stallAfterHeaders() {
        return (response, vertx) -> {
            startStream(response);
            response.writeHead();
        };
    }

    /** HTTP 200 with these chunks, then the connection closed without ending the body. */
    public static Reply sseThenDrop(String... chunks) {
        return (response, vertx) -> {
            startStream(response);
            for (String chunk : chunks) {
                response.write(chunk);
            }
            vertx.setTimer(20, id -> response.reset());
        };
    }

    /** HTTP 200 with the first chunk at once and each next one {@code gapMs} later, then the end of the body. */
    public static Reply paced(long gapMs, String... chunks) {
        return (response, vertx) -> {
            startStream(response);
            writePaced(response, vertx, gapMs, chunks, 0);
        };
    }

    /** An error status with headers and a body. */
    public static Reply status(int status, Map<String, String> headers, String body) {
        return (response, vertx) -> {
            response.setStatusCode(status).putHeader("Content-Type", "application/json");
            headers.forEach(response::putHeader);
            response.end(body);
        };
    }

    /** One SSE event with only a data line. */
    public static String data(String json) {
        return "data: " + json + "\n\n";
    }

    /** One SSE event with a name and a data line. */
    public static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    private static void startStream(HttpServerResponse response) {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control",
                "no-cache");
    }

    private static void writePaced(HttpServerResponse response, Vertx vertx, long gapMs, String[] chunks, int next) {
        if (response.closed()) {
            return;
        }
        if (next == chunks.length) {
            response.end();
            return;
        }
        response.write(chunks[next]);
        vertx.setTimer(gapMs, id -> writePaced(response, vertx, gapMs, chunks, next + 1));
    }

    private void onRequest(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            CompletableFuture<Void> clientGone = new CompletableFuture<>();
            HttpServerResponse response = request.response();
            response.closeHandler(v -> clientGone.complete(null));
            requests.add(new Request(request.path(), headers, body.toString(), clientGone));
            Reply reply = replies.poll();
            if (reply == null) {
                response.setStatusCode(500).end("{\"error\":{\"message\":\"no scripted reply\"}}");
            } else {
                reply.serve(response, vertx);
            }
        });
    }

    @Override
    public void close() {
        server.close().await();
    }
}
