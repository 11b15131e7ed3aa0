package kol.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bare Twilio-side client for server tests: sends Media Streams messages by hand and records what comes back,
 * with arrival times. Marks are echoed at once when {@code echoMarks} is on.
 */
final class TwilioTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(JsonNode message, String raw, long atNs) {
    }

    final String callSid;
    final String streamSid;
    private final List<Received> received = new ArrayList<>();
    private final WebSocketClient client;
    private WebSocket socket;
    private int sequence;
    private int chunk;
    private volatile boolean echoMarks = true;
    private volatile Short closeStatus;

    private TwilioTestClient(Vertx vertx, String callSid, WebSocketClientOptions options) {
        this.client = vertx.createWebSocketClient(options);
        this.callSid = callSid;
        this.streamSid = "MZ" + callSid.substring(2);
    }

    static TwilioTestClient connect(Vertx vertx, int port, String callSid, Map<String, String> headers)
            throws Exception {
        return connect(vertx, port, callSid, headers, new WebSocketClientOptions());
    }

    static TwilioTestClient connect(Vertx vertx, int port, String callSid, Map<String, String> headers,
            WebSocketClientOptions options) throws Exception {
        TwilioTestClient call = new TwilioTestClient(vertx, callSid, options.setMaxMessageSize(16 * 1024 * 1024)
                .setMaxFrameSize(16 * 1024 * 1024));
        WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(GatewayServer.MEDIA_PATH);
        headers.forEach(connect::addHeader);
        call.socket = call.client.connect(connect).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        call.socket.textMessageHandler(call::onText);
        call.socket.closeHandler(v -> call.closeStatus = call.socket.closeStatusCode() == null ? -1
                : call.socket.closeStatusCode());
        return call;
    }

    private void onText(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            node = null;
        }
        synchronized (received) {
            received.add(new Received(node, text, System.nanoTime()));
        }
        if (echoMarks && node != null && "mark".equals(node.path("event").asText())) {
            sendMarkEcho(node.path("mark").path("name").asText());
        }
    }

    void echoMarks(boolean on) {
        echoMarks = on;
    }

    TwilioTestClient start() {
        return start("audio/x-mulaw", 8000, 1);
    }

    TwilioTestClient start(String encoding, int rate, int channels) {
        send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        send("{\"event\":\"start\",\"sequenceNumber\":\"" + (++sequence) + "\",\"start\":{\"accountSid\":\"ACtest\","
                + "\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],"
                + "\"mediaFormat\":{\"encoding\":\"" + encoding + "\",\"sampleRate\":" + rate + ",\"channels\":"
                + channels + "},\"customParameters\":{\"From\":\"+972501234567\",\"To\":\"+97235551234\"}},"
                + "\"streamSid\":\"" + streamSid + "\"}");
        return this;
    }

    void sendMedia(byte[] ulaw) {
        chunk++;
        sendMedia(ulaw, chunk, (chunk - 1) * 20L);
    }

    void sendMedia(byte[] ulaw, long chunkNumber, long timestampMs) {
        chunk = (int) chunkNumber;
        send("{\"event\":\"media\",\"sequenceNumber\":\"" + (++sequence) + "\",\"media\":{\"track\":\"inbound\","
                + "\"chunk\":\"" + chunkNumber + "\",\"timestamp\":\"" + timestampMs + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(ulaw) + "\"},\"streamSid\":\"" + streamSid + "\"}");
    }

    void sendDtmf(char digit) {
        send("{\"event\":\"dtmf\",\"streamSid\":\"" + streamSid + "\",\"sequenceNumber\":\"" + (++sequence)
                + "\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"" + digit + "\"}}");
    }

    void sendMarkEcho(String name) {
        send("{\"event\":\"mark\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                + "\",\"mark\":{\"name\":\"" + name + "\"}}");
    }

    void sendStop() {
        send("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++sequence) + "\",\"stop\":{\"accountSid\":\"ACtest\","
                + "\"callSid\":\"" + callSid + "\"},\"streamSid\":\"" + streamSid + "\"}");
    }

    String streamSid() {
        return streamSid;
    }

    void send(String text) {
        socket.writeTextMessage(text);
    }

    void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes));
    }

    /** {@code text} as one message in {@code parts} WebSocket frames: a text frame, then continuation frames. */
    void sendInFragments(String text, int parts) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int step = (bytes.length + parts - 1) / parts;
        for (int from = 0; from < bytes.length; from += step) {
            Buffer part = Buffer.buffer(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + step)));
            boolean last = from + step >= bytes.length;
            socket.writeFrame(from == 0 ? io.vertx.core.http.WebSocketFrame.textFrame(part.toString(), last)
                    : io.vertx.core.http.WebSocketFrame.continuationFrame(part, last));
        }
    }

    void pause() {
        socket.pause();
    }

    /** Drops the TCP connection without a stop message or close handshake. */
    void vanish() {
        socket.close((short) 1006, null);
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    List<Received> received(String event) {
        return received().stream().filter(r -> r.message() != null && event.equals(r.message().path("event")
                .asText())).toList();
    }

    /** Media frames that arrived in the last {@code windowNs}. */
    long mediaSince(long sinceNs) {
        return received("media").stream().filter(r -> r.atNs() >= sinceNs).count();
    }

    Short closeStatus() {
        return closeStatus;
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
