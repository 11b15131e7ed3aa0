package kol.sim;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A small server that speaks Twilio's side of the protocol the way Kol does: answers the voice webhook with
 * TwiML, accepts the Media Stream, records every message the simulator sends (with its arrival time), and runs a
 * test's script once {@code start} arrives.
 */
final class FakeTwilioServer implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Long> markSentNs = new CopyOnWriteArrayList<>();
    private volatile Consumer<Stream> script = stream -> { };
    private volatile Map<String, String> webhookForm;
    private volatile MultiMap webhookHeaders;
    private volatile MultiMap upgradeHeaders;

    /** A message from the simulator and when it arrived. */
    record Received(long atNs, String text, JsonObject json) {
        String event() {
            return json == null ? null : json.getString("event");
        }
    }

    FakeTwilioServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer(new HttpServerOptions().setPort(0).setHost("127.0.0.1"));
        server.requestHandler(request -> {
            request.setExpectMultipart(true);
            request.endHandler(v -> {
                Map<String, String> form = new LinkedHashMap<>();
                request.formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
                webhookForm = form;
                webhookHeaders = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
                request.response().putHeader("Content-Type", "text/xml").end("<?xml version=\"1.0\" "
                        + "encoding=\"UTF-8\"?><Response><Connect><Stream url=\"" + streamUrl() + "\">"
                        + "<Parameter name=\"From\" value=\"" + form.get("From") + "\"/>"
                        + "<Parameter name=\"flow\" value=\"demo\"/></Stream></Connect></Response>");
            });
        });
        server.webSocketHandler(this::onStream);
        server.listen().await();
    }

    String streamUrl() {
        return "ws://127.0.0.1:" + server.actualPort() + "/twilio/media";
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/twilio/voice";
    }

    /** What the server does once the stream has started. */
    FakeTwilioServer onStart(Consumer<Stream> script) {
        this.script = script;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String event) {
        return received.stream().filter(r -> event.equals(r.event())).toList();
    }

    /** When each mark was sent, in order. */
    List<Long> markSentNs() {
        return List.copyOf(markSentNs);
    }

    Map<String, String> webhookForm() {
        return webhookForm;
    }

    MultiMap webhookHeaders() {
        return webhookHeaders;
    }

    MultiMap upgradeHeaders() {
        return upgradeHeaders;
    }

    private void onStream(ServerWebSocket ws) {
        upgradeHeaders = MultiMap.caseInsensitiveMultiMap().addAll(ws.headers());
        ws.textMessageHandler(text -> {
            long now = System.nanoTime();
            JsonObject json;
            try {
                json = new JsonObject(text);
            } catch (RuntimeException e) {
                json = null;
            }
            received.add(new Received(now, text, json));
            if (json != null && "start".equals(json.getString("event"))) {
                script.accept(new Stream(ws, json.getString("streamSid")));
            }
        });
    }

    /** The server's side of one stream; call from the script (the server's event loop). */
    final class Stream {
        private final ServerWebSocket ws;
        private final String streamSid;

        Stream(ServerWebSocket ws, String streamSid) {
            this.ws = ws;
            this.streamSid = streamSid;
        }

        String streamSid() {
            return streamSid;
        }

        /** {@code frames} frames of {@code value} bytes, all at once. */
        Stream burst(int frames, int value) {
            for (int i = 0; i < frames; i++) {
                text(media(value));
            }
            return this;
        }

        /** {@code frames} frames, one every 20 ms from now on a deadline schedule, then {@code after}. */
        void paced(int frames, int value, Runnable after) {
            pace(System.nanoTime(), 0, frames, value, after);
        }

        private void pace(long startNs, int sent, int frames, int value, Runnable after) {
            int next = sent;
            long now = System.nanoTime();
            while (next < frames && startNs + next * 20_000_000L - now <= 0) {
                text(media(value));
                next++;
            }
            if (next == frames) {
                after.run();
                return;
            }
            int done = next;
            vertx.timer(startNs + next * 20_000_000L - now, TimeUnit.NANOSECONDS)
                    .onSuccess(v -> pace(startNs, done, frames, value, after));
        }

        Stream mark(String name) {
            markSentNs.add(System.nanoTime());
            return text(new JsonObject().put("event", "mark").put("streamSid", streamSid)
                    .put("mark", new JsonObject().put("name", name)).encode());
        }

        Stream clear() {
            return text(new JsonObject().put("event", "clear").put("streamSid", streamSid).encode());
        }

        Stream text(String text) {
            ws.writeTextMessage(text);
            return this;
        }

        /** {@code text} as one message in two frames: a text frame and a final continuation frame. */
        Stream textInTwoFragments(String text) {
            int half = text.length() / 2;
            ws.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(text.substring(0, half), false));
            ws.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(Buffer.buffer(text.substring(half)),
                    true));
            return this;
        }

        Stream binary(int bytes) {
            ws.writeBinaryMessage(Buffer.buffer(new byte[bytes]));
            return this;
        }

        void close() {
            ws.close((short) 1011, "bot crashed");
        }

        /** Runs {@code action} after {@code delayMs}. */
        void later(long delayMs, Runnable action) {
            vertx.setTimer(delayMs, id -> action.run());
        }

        String media(int value) {
            byte[] frame = new byte[160];
            Arrays.fill(frame, (byte) value);
            return new JsonObject().put("event", "media").put("streamSid", streamSid)
                    .put("media", new JsonObject().put("payload", Base64.getEncoder().encodeToString(frame)))
                    .encode();
        }
    }

    @Override
    public void close() {
        server.close().await();
    }
}
