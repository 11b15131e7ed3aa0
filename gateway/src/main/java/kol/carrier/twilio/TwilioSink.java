package kol.carrier.twilio;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.util.concurrent.atomic.AtomicInteger;
import kol.carrier.PlaybackTracker;
import kol.tx.Frame;
import kol.tx.FrameSink;

/**
 * A Twilio Media Streams WebSocket as a {@link FrameSink}. Its send queue is the frames handed to Vert.x and not yet
 * written to the socket, bounded by {@code SEND_QUEUE_FRAMES}; it is full also when Vert.x says its own write queue
 * is ({@link ServerWebSocket#writeQueueFull()}), so a client that stops reading shows up here at once.
 *
 * <p>{@link #write} runs on the pacer thread; the event loop's {@link Outbox} carries the frame over. A media
 * message goes as a text frame built from its bytes (Vert.x's frame class, as its public API builds text frames from
 * Strings only): fifty a second per call, it is the busiest write.
 */
final class TwilioSink implements FrameSink {
    private final ServerWebSocket socket;
    private final String streamSid;
    private final TwilioCodec.MediaEncoder encoder;
    private final PlaybackTracker playback;
    private final int maxSendQueueFrames;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Handler<AsyncResult<Void>> written = result -> inFlight.decrementAndGet();
    private final Runnable onStop;
    private final Outbox outbox;
    private volatile long fullSinceNs;

    TwilioSink(ServerWebSocket socket, Outbox outbox, String streamSid, PlaybackTracker playback,
            int maxSendQueueFrames, Runnable onStop) {
        this.socket = socket;
        this.outbox = outbox;
        this.streamSid = streamSid;
        this.encoder = new TwilioCodec.MediaEncoder(streamSid);
        this.playback = playback;
        this.maxSendQueueFrames = maxSendQueueFrames;
        this.onStop = onStop;
    }

    @Override
    public boolean canAccept() {
        if (socket.isClosed()) {
            return true; // the call is ending: writes go nowhere (see write), and nothing is counted as a drop
        }
        boolean room;
        try {
            room = inFlight.get() < maxSendQueueFrames && !socket.writeQueueFull();
        } catch (IllegalStateException closedMeanwhile) {
            return true;
        }
        if (room) {
            fullSinceNs = 0;
        } else if (fullSinceNs == 0) {
            fullSinceNs = System.nanoTime();
        }
        return room;
    }

    @Override
    public int sendQueueFrames() {
        return inFlight.get();
    }

    /** When the send queue has been full since (System.nanoTime()), or 0 when it has room. */
    long fullSinceNs() {
        return fullSinceNs;
    }

    @Override
    public void write(Frame frame) {
        if (socket.isClosed()) {
            return; // the call is ending; its session detaches it from the pacer
        }
        switch (frame.kind()) {
            case MEDIA -> {
                send(new WebSocketFrameImpl(WebSocketFrameType.TEXT, encoder.encode(frame.payload(), 0,
                        Frame.MEDIA_BYTES), true));
                playback.onMediaSent();
            }
            case MARK -> {
                playback.onMarkSent(frame.name(), System.nanoTime());
                send(TwilioCodec.mark(streamSid, frame.name()));
            }
            case CLEAR -> {
                playback.onClearSent();
                send(TwilioCodec.clear(streamSid));
            }
            case KEEPALIVE -> socket.writePing(Buffer.buffer());
            case STOP -> onStop.run();
            case START -> {
                // Twilio has no outbound start message: the stream is open once Twilio sent its own start.
            }
            default -> throw new IllegalStateException("unknown frame kind " + frame.kind());
        }
    }

    private void send(String text) {
        send(WebSocketFrame.textFrame(text, true));
    }

    private void send(WebSocketFrame message) {
        inFlight.incrementAndGet();
        outbox.send(socket, message, written);
    }
}
