package kol.carrier.twilio;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kol.base.RateLimitedLog;
import kol.carrier.CallApp;
import kol.carrier.CallInfo;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.carrier.MarkEcho;
import kol.carrier.MarkOutcome;
import kol.carrier.PlaybackTracker;
import kol.tx.Frame;
import kol.tx.PacerHandle;
import kol.tx.TxLogReporter;
import kol.tx.TxPacer;
import kol.tx.TxQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Twilio bidirectional media stream: reads Twilio's messages, hands the caller's audio to the application in
 * exact 20 ms frames, and gives the application the call's one TX queue, paced into this socket by the
 * {@link TxPacer}. Nothing here writes media to the socket.
 *
 * <p>Bad input never ends another call and rarely this one: each problem gets a rate-limited log line naming the
 * call, and the message is skipped. Only what makes the stream unusable (a media format other than 8 kHz μ-law, a
 * sustained flood, a client that stopped reading) closes this call, cleanly.
 *
 * <p>Threading: every method runs on the socket's event loop, except what the pacer does through the sink.
 */
public final class MediaStreamSession implements CallSession {
    private static final Logger LOG = LoggerFactory.getLogger("kol.call");
    private static final long GAP_TOLERANCE_US = 2_000;

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final CallApp app;
    private final TxPacer pacer;
    private final MediaStreamConfig config;
    private final Consumer<MediaStreamSession> onEnded;
    private final TwilioInbound message = new TwilioInbound();
    private final PlaybackTracker playback = new PlaybackTracker();
    private final RateLimitedLog badInput = new RateLimitedLog(LOG, 1, TimeUnit.SECONDS);
    private final RateLimitedLog gaps = new RateLimitedLog(LOG, 1, TimeUnit.SECONDS);
    private final RateLimitedLog flood = new RateLimitedLog(LOG, 1, TimeUnit.SECONDS);
    private final byte[] frame = new byte[Frame.MEDIA_BYTES];
    private final long openedNs = System.nanoTime();

    private String callId;
    private CallInfo info;
    private TxQueue queue;
    private TwilioSink sink;
    private PacerHandle paced;
    private CallListener listener;
    private long timerId = -1;
    private boolean ended;
    private String lastError;

    private int frameFill;
    private long lastChunk = -1;
    private long nextTimestampUs = -1;
    private long inboundFrames;
    private long lostMessages;
    private long lostMs;
    private long invalidMessages;
    private long floodDropped;
    private double tokens;
    private long tokensAtNs = System.nanoTime();
    private int floodSeconds;
    private long floodDroppedAtLastCheck;

    MediaStreamSession(Vertx vertx, ServerWebSocket socket, String connectionId, CallApp app, TxPacer pacer,
            MediaStreamConfig config, Consumer<MediaStreamSession> onEnded) {
        this.vertx = vertx;
        this.socket = socket;
        this.callId = connectionId;
        this.app = app;
        this.pacer = pacer;
        this.config = config;
        this.onEnded = onEnded;
        this.tokens = config.inboundMaxMessagesPerSecond();
    }

    /** Wires the socket's handlers. */
    void open() {
        WebSocketMessages messages = new WebSocketMessages(config.maxMessageBytes(), new WebSocketMessages.Receiver() {
            @Override
            public void onText(byte[] utf8, int offset, int length) {
                MediaStreamSession.this.onText(utf8, offset, length);
            }

            @Override
            public void onBinary(int length) {
                if (!ended && admit()) {
                    invalid("binary frame of " + length + " bytes skipped (Media Streams messages are JSON text)");
                }
            }

            @Override
            public void onTooBig(int maxMessageBytes) {
                if (!ended) {
                    closeSocket((short) 1009, "inbound message too big (over " + maxMessageBytes
                            + " bytes in fragments; WS_MAX_MESSAGE_BYTES)");
                }
            }
        });
        socket.frameHandler(messages::onFrame);
        socket.exceptionHandler(e -> {
            if (lastError == null) {
                lastError = e.getMessage();
            }
            badInput.warn("WebSocket error on call=" + callId + ": " + e.getMessage());
        });
        socket.closeHandler(v -> end(closeReason()));
        timerId = vertx.setPeriodic(1000, id -> checkHealth());
    }

    public String callId() {
        return callId;
    }

    // ---------------------------------------------------------------- CallSession

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public TxQueue tx() {
        return queue;
    }

    @Override
    public PlaybackTracker playback() {
        return playback;
    }

    @Override
    public void hangUp(String reason) {
        LOG.info("[CALL] hang-up requested call={} reason={}", callId, reason);
        if (queue != null) {
            queue.offer(Frame.stop());
        } else {
            closeSocket((short) 1000, reason);
        }
    }

    // ---------------------------------------------------------------- inbound

    /** A whole text message, as the frame's UTF-8 bytes (no String of it is made). */
    private void onText(byte[] utf8, int offset, int length) {
        if (ended || !admit()) {
            return;
        }
        try {
            TwilioCodec.parse(utf8, offset, length, message);
        } catch (TwilioProtocolException e) {
            invalid(e.getMessage());
            return;
        }
        if (message.streamSid() != null && info != null && !message.streamSid().equals(info.streamId())
                && message.event() != TwilioInbound.Event.START) {
            invalid(TwilioCodec.describe(message.event()) + " for another stream (" + message.streamSid() + ")");
            return;
        }
        switch (message.event()) {
            case CONNECTED -> LOG.debug("connected call={}", callId);
            case START -> onStart();
            case MEDIA -> onMedia();
            case DTMF -> {
                if (requireStarted("dtmf")) {
                    listener.onDtmf(message.digit().charAt(0));
                }
            }
            case MARK -> {
                if (requireStarted("mark")) {
                    onMarkEcho(message.markName());
                }
            }
            case STOP -> end("stop");
            default -> invalid("unknown event \"" + message.eventName() + "\" skipped");
        }
    }

    private void onStart() {
        if (info != null) {
            invalid("second start skipped");
            return;
        }
        if (!"audio/x-mulaw".equals(message.encoding()) || message.sampleRateHz() != 8000
                || message.channels() != 1) {
            LOG.error("[CALL] unsupported media format on call={}: encoding={} sampleRate={} channels={}; Kol needs "
                    + "audio/x-mulaw 8000 Hz mono. Closing the stream.", message.callSid(), message.encoding(),
                    message.sampleRateHz(), message.channels());
            callId = message.callSid();
            closeSocket((short) 1003, "unsupported media format");
            return;
        }
        callId = message.callSid();
        Map<String, String> parameters = message.customParameters();
        info = new CallInfo(callId, message.streamSid(), message.accountSid(), parameters.get("From"),
                parameters.get("To"), parameters);
        queue = new TxQueue(config.queue());
        Context context = vertx.getOrCreateContext();
        sink = new TwilioSink(socket, Outbox.of(context), info.streamId(), playback, config.sendQueueFrames(),
                () -> context.runOnContext(v -> closeSocket((short) 1000, "call ended by Kol")));
        paced = pacer.attach(callId, queue, sink);
        LOG.info("[CALL] start call={} stream={} from={} to={}", callId, info.streamId(), info.from(), info.to());
        try {
            listener = app.onCall(this);
        } catch (RuntimeException e) {
            LOG.error("[CALL] the application failed to take call={}; closing it", callId, e);
            closeSocket((short) 1011, "application error");
        }
    }

    private void onMedia() {
        if (!requireStarted("media")) {
            return;
        }
        trackGaps();
        byte[] payload = message.payload();
        int length = message.payloadLength();
        int offset = 0;
        while (offset < length) {
            int take = Math.min(Frame.MEDIA_BYTES - frameFill, length - offset);
            System.arraycopy(payload, offset, frame, frameFill, take);
            frameFill += take;
            offset += take;
            if (frameFill == Frame.MEDIA_BYTES) {
                frameFill = 0;
                inboundFrames++;
                listener.onAudio(frame, 0);
            }
        }
    }

    /**
     * Twilio numbers media chunks from 1 and stamps them in ms since the stream began: a jump is lost audio. Stamps
     * are whole milliseconds, so a jump of up to {@link #GAP_TOLERANCE_US} is rounding, not loss.
     */
    private void trackGaps() {
        long chunk = message.chunk();
        if (chunk > 0 && lastChunk > 0 && chunk > lastChunk + 1) {
            lostMessages += chunk - lastChunk - 1;
        }
        long timestampUs = message.timestampMs() * 1000;
        if (timestampUs >= 0 && nextTimestampUs >= 0 && timestampUs - nextTimestampUs > GAP_TOLERANCE_US) {
            long lost = (timestampUs - nextTimestampUs + 500) / 1000;
            lostMs += lost;
            gaps.warn("Inbound audio gap on call=" + callId + ": " + lost + " ms lost (chunk " + lastChunk + " → "
                    + chunk + ")");
        }
        if (chunk > 0) {
            lastChunk = chunk;
        }
        if (timestampUs >= 0) {
            nextTimestampUs = timestampUs + message.payloadLength() * 125L; // 125 µs per 8 kHz sample
        }
    }

    private void onMarkEcho(String name) {
        MarkEcho echo = playback.onEcho(name, System.nanoTime());
        if (TxLogReporter.GREETING_END.equals(name)) {
            LOG.info("[TX] greeting_end {} call={} delay={}ms", echo.outcome() == MarkOutcome.PLAYED ? "played"
                    : "cleared", callId, TimeUnit.NANOSECONDS.toMillis(echo.delayNs()));
        }
        if (echo.outcome() == MarkOutcome.UNKNOWN) {
            invalid("echo of a mark Kol did not send (" + name + ")");
        }
        listener.onMark(echo);
    }

    private boolean requireStarted(String event) {
        if (listener == null) {
            invalid(event + " before start skipped");
            return false;
        }
        return true;
    }

    private void invalid(String reason) {
        invalidMessages++;
        badInput.warn("Invalid message on call=" + callId + ": " + reason);
    }

    /** Token bucket over inbound messages: a call may send up to its rate with one second of burst. */
    private boolean admit() {
        long now = System.nanoTime();
        int rate = config.inboundMaxMessagesPerSecond();
        tokens = Math.min(rate, tokens + (now - tokensAtNs) * rate / 1e9);
        tokensAtNs = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        floodDropped++;
        flood.warn("Inbound flood on call=" + callId + ": more than " + rate
                + " messages/s (INBOUND_MAX_MSGS_PER_SEC); dropping the excess");
        return false;
    }

    private void checkHealth() {
        if (ended) {
            return;
        }
        floodSeconds = floodDropped > floodDroppedAtLastCheck ? floodSeconds + 1 : 0;
        floodDroppedAtLastCheck = floodDropped;
        if (floodSeconds >= config.floodCloseSeconds()) {
            LOG.warn("[CALL] closing call={}: inbound flood for {} s ({} messages dropped)", callId, floodSeconds,
                    floodDropped);
            closeSocket((short) 1008, "inbound message flood");
            return;
        }
        if (sink != null && sink.fullSinceNs() != 0
                && System.nanoTime() - sink.fullSinceNs() > config.stalledClientCloseMs() * 1_000_000L) {
            LOG.warn("[CALL] closing call={}: the client has not read for {} ms (send queue full)", callId,
                    config.stalledClientCloseMs());
            closeSocket((short) 1008, "client stopped reading");
        }
    }

    // ---------------------------------------------------------------- ending

    private String closeReason() {
        Short status = socket.closeStatusCode();
        if (status == null) {
            return "socket closed";
        }
        String reason = socket.closeReason();
        String closed = "socket closed (" + status + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
        if (lastError != null && lastError.contains("Max frame length")) {
            return closed + ": inbound message too big (" + lastError + "; WS_MAX_MESSAGE_BYTES)";
        }
        return lastError == null ? closed : closed + " after: " + lastError;
    }

    private void closeSocket(short status, String reason) {
        if (!socket.isClosed()) {
            socket.close(status, reason);
        }
        end(reason);
    }

    /** Ends the call once: stops pacing, tells the application, logs the call's summary. */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (paced != null) {
            paced.detach();
            queue.close();
        }
        if (listener != null) {
            try {
                listener.onEnd(reason);
            } catch (RuntimeException e) {
                LOG.error("[CALL] the application failed while ending call={}", callId, e);
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedNs);
        LOG.info("[CALL] end call={} reason=\"{}\" seconds={} in_frames={} lost_msgs={} lost_ms={} invalid={} "
                + "flood_dropped={} tx_media={} tx_drops={} marks_played={} marks_cleared={}", callId, reason, seconds,
                inboundFrames, lostMessages, lostMs, invalidMessages, floodDropped,
                paced == null ? 0 : paced.stats().mediaSent(), paced == null ? 0 : paced.stats().drops(),
                playback.playedMarks(), playback.clearedMarks());
        onEnded.accept(this);
    }

    // ---------------------------------------------------------------- counters for tests and operations

    public long inboundFrames() {
        return inboundFrames;
    }

    public long lostMs() {
        return lostMs;
    }

    public long lostMessages() {
        return lostMessages;
    }

    public long invalidMessages() {
        return invalidMessages;
    }

    public long floodDropped() {
        return floodDropped;
    }

    /** The pacer's view of this call, once it started. */
    public PacerHandle paced() {
        return paced;
    }

    public boolean isEnded() {
        return ended;
    }
}
