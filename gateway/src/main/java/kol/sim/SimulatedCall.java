package kol.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kol.audio.G711;
import kol.audio.Telephony;
import kol.carrier.twilio.TwilioSignature;
import kol.carrier.twilio.WebSocketMessages;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.NanoClock;

/**
 * One simulated call: webhook (optional), WebSocket upgrade, {@code connected} and {@code start}, caller media on a
 * 20 ms deadline schedule with DTMF in between, the bot's audio through a {@link PlayoutBuffer}, mark echoes, then
 * {@code stop}.
 *
 * <p>Thread rule: everything after construction runs on the call's Vert.x {@link Context} (one event loop): the
 * WebSocket handlers and the context's {@link CallTicker} tick. Nothing here is shared except {@link LiveStats}.
 *
 * <p>The call has no timer of its own: once its stream is open, its phase's tick on its event loop sends the frames
 * that are due on its {@link FrameSchedule}, plays its buffer and echoes the marks whose audio has played, so a
 * mark's echo may come up to 20 ms after its audio finished.
 */
final class SimulatedCall implements CallTicker.Ticked {
    private static final int REASONS_KEPT = 5;

    private final SimOptions options;
    private final Context context;
    private final WebSocketClient webSockets;
    private final WebClient web;
    private final LiveStats live;
    private final NanoClock clock;
    private final Object tickerOwner;
    private final List<Long> utteranceEndsMs;
    private final TwilioSignature signature;
    private final CompletableFuture<CallReport> result = new CompletableFuture<>();
    private final String accountSid = TwilioIds.accountSid();
    private final CallerMessages messages;
    private final ServerMessages serverMessages = new ServerMessages();
    private final long totalFrames;
    private final byte[] frame = new byte[Telephony.FRAME_BYTES];
    private final WavRecorder botRecording;
    private final WavRecorder callerRecording;
    private final List<String> invalidReasons = new ArrayList<>();

    /** Unboxed: a minute of bot speech is 3,000 arrivals per call. */
    private final LongArrayList botArrivalsMs;

    private String url;
    private WebSocket webSocket;
    private long originNs;
    private long firstFrameNs;
    private FrameSchedule schedule;
    private int dtmfIndex;
    private int dtmfSent;
    private int invalidMessages;
    private PlayoutBuffer playout;
    private ArrivalStats arrivals;
    private boolean over;

    /**
     * @param tickerOwner the simulator, whose {@link ContextTicker} on {@code context} will service this call
     * @param utteranceEndsMs where the caller's utterances end ({@link ResponseLatency#utteranceEndsMs}), found once
     *     per run rather than once per call
     */
    SimulatedCall(SimOptions options, Context context, WebSocketClient webSockets, WebClient web, LiveStats live,
            NanoClock clock, Object tickerOwner, List<Long> utteranceEndsMs) throws IOException {
        this.options = options;
        this.context = context;
        this.webSockets = webSockets;
        this.web = web;
        this.live = live;
        this.clock = clock;
        this.tickerOwner = tickerOwner;
        this.utteranceEndsMs = utteranceEndsMs;
        this.signature = options.authToken() == null ? null : new TwilioSignature(options.authToken());
        this.messages = new CallerMessages(accountSid, TwilioIds.callSid(), TwilioIds.streamSid());
        this.totalFrames = options.duration().toMillis() / Telephony.FRAME_MS;
        // A minute of bot speech up front: a load test's call never grows it, and an hour-long one does not
        // reserve its hour for every call.
        this.botArrivalsMs = new LongArrayList((int) Math.min(totalFrames, 60 * 50), Long.MIN_VALUE);
        this.botRecording = WavRecorder.create(options.recordBot());
        WavRecorder caller;
        try {
            caller = WavRecorder.create(options.recordCaller());
        } catch (IOException e) {
            closeRecording(botRecording);
            throw e;
        }
        this.callerRecording = caller;
    }

    String callSid() {
        return messages.callSid();
    }

    /** Starts the call on its context after {@code delayMs}; the future completes when the call is over. */
    CompletableFuture<CallReport> start(long delayMs) {
        context.runOnContext(v -> {
            if (delayMs > 0) {
                context.owner().setTimer(delayMs, id -> begin());
            } else {
                begin();
            }
        });
        return result;
    }

    private void begin() {
        live.callStarted();
        long timeoutMs = options.connectTimeout().toMillis();
        Future<StreamTarget> target = options.webhookUrl() == null
                ? Future.succeededFuture(new StreamTarget(options.streamUrl(), options.directParameters()))
                : Webhook.post(web, options.webhookUrl(), Webhook.params(accountSid, messages.callSid(),
                        options.from(), options.to()), signature, timeoutMs);
        target.compose(stream -> {
            url = stream.url();
            WebSocketConnectOptions connect = new WebSocketConnectOptions().setAbsoluteURI(url)
                    .setConnectTimeout(timeoutMs);
            if (signature != null) {
                // Twilio signs the wss:// URL it connects to, with no parameters (PROTOCOLS.md §4.3).
                connect.addHeader(Webhook.SIGNATURE_HEADER, signature.sign(url, Map.of()));
            }
            // The connect timeout covers TCP only: a server that accepts and never answers the upgrade would
            // otherwise hold the call (and a load run) forever.
            long guard = context.owner().setTimer(timeoutMs, id -> onConnectFailed(new SimFailure("cannot connect to "
                    + url + ": no answer to the WebSocket upgrade within " + timeoutMs + " ms")));
            return webSockets.connect(connect).recover(e -> Future.failedFuture(
                    new SimFailure("cannot connect to " + url + ": " + SimFailure.describe(e))))
                    .onComplete(done -> context.owner().cancelTimer(guard))
                    .map(ws -> Map.entry(stream, ws));
        }).onSuccess(opened -> {
            if (over) {
                opened.getValue().close();
            } else {
                onOpen(opened.getValue(), opened.getKey());
            }
        }).onFailure(this::onConnectFailed);
    }

    private void onOpen(WebSocket ws, StreamTarget stream) {
        webSocket = ws;
        live.callConnected();
        originNs = clock.nanoTime();
        playout = new PlayoutBuffer(originNs, options.jitterBufferMs(),
                botRecording == null ? PlayoutSink.NONE : botRecording, this::echoMark);
        arrivals = new ArrivalStats(originNs);
        var receiver = new WebSocketMessages.Receiver() {
            @Override
            public void onText(byte[] utf8, int offset, int length) {
                SimulatedCall.this.onText(utf8, offset, length);
            }

            @Override
            public void onBinary(int length) {
                onInvalid(ServerMessages.binary(length));
            }

            @Override
            public void onTooBig(int maxMessageBytes) {
                onInvalid(ServerMessages.tooBig(maxMessageBytes));
            }
        };
        ws.frameHandler(new WebSocketMessages(CallSimulator.MAX_MESSAGE_BYTES, receiver)::onFrame);
        ws.closeHandler(v -> onServerClose());
        ws.exceptionHandler(e -> {
            // A protocol error is followed by a close; the close handler ends the call.
        });
        send(CallerMessages.connected());
        send(messages.start(stream.customParameters()));
        firstFrameNs = ContextTicker.on(context, tickerOwner, clock).add(this);
        schedule = new FrameSchedule(firstFrameNs, totalFrames);
    }

    @Override
    public boolean onTick(long nowNs) {
        if (over) {
            return false;
        }
        if (schedule.isDue(nowNs)) {
            live.sendLag(schedule.lateNs(nowNs));
        }
        while (schedule.isDue(nowNs)) {
            sendDueDtmf(schedule.dueOffsetNs());
            sendFrame();
            schedule.sent();
        }
        playout.advance(nowNs);
        live.bufferDepth(playout.depthMs(nowNs));
        if (schedule.isOver(nowNs)) {
            hangUp(nowNs);
            return false;
        }
        return true;
    }

    private void sendDueDtmf(long elapsedNs) {
        List<DtmfPress> presses = options.dtmf();
        while (dtmfIndex < presses.size()
                && TimeUnit.MILLISECONDS.toNanos(presses.get(dtmfIndex).atMs()) <= elapsedNs) {
            send(messages.dtmf(presses.get(dtmfIndex).digit()));
            dtmfIndex++;
            dtmfSent++;
        }
    }

    private void sendFrame() {
        byte[] audio = options.callerAudio();
        long offset = schedule.framesSent() * Telephony.FRAME_BYTES;
        int fromAudio = (int) Math.max(0, Math.min(Telephony.FRAME_BYTES, audio.length - offset));
        if (fromAudio > 0) {
            System.arraycopy(audio, (int) offset, frame, 0, fromAudio);
        }
        Arrays.fill(frame, fromAudio, Telephony.FRAME_BYTES, G711.SILENCE);
        webSocket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, messages.media(frame), true));
        if (callerRecording != null) {
            callerRecording.play(frame, 0, frame.length);
        }
        live.frameSent();
    }

    private void onText(byte[] utf8, int offset, int length) {
        if (over) {
            return;
        }
        long nowNs = clock.nanoTime();
        ServerMessage message = serverMessages.parse(utf8, offset, length, messages.streamSid());
        if (message instanceof ServerMessage.Media media) {
            int underrunsBefore = playout.underruns();
            arrivals.onMedia(nowNs, media.length());
            // On the caller audio's clock, as the utterance ends are.
            botArrivalsMs.addLong((nowNs - firstFrameNs) / 1_000_000);
            playout.onMedia(media.muLaw(), media.length(), nowNs);
            live.frameReceived();
            if (playout.underruns() > underrunsBefore) {
                live.underrun();
            }
        } else if (message instanceof ServerMessage.Mark mark) {
            playout.onMark(mark.name(), nowNs);
        } else if (message instanceof ServerMessage.Clear) {
            playout.onClear(nowNs);
            live.clear();
        } else if (message instanceof ServerMessage.Invalid invalid) {
            onInvalid(invalid);
        }
    }

    private void onInvalid(ServerMessage.Invalid invalid) {
        if (over) {
            return;
        }
        invalidMessages++;
        live.invalidMessage();
        if (invalidReasons.size() < REASONS_KEPT) {
            invalidReasons.add(invalid.reason());
        }
    }

    private void echoMark(String name) {
        send(messages.mark(name));
        live.markEchoed();
    }

    private void send(String text) {
        webSocket.writeTextMessage(text);
    }

    private void hangUp(long nowNs) {
        playout.advance(nowNs);
        over = true;
        send(messages.stop());
        webSocket.close();
        finish(CallReport.Outcome.COMPLETED, null, nowNs);
    }

    private void onServerClose() {
        if (over) {
            return;
        }
        long nowNs = clock.nanoTime();
        playout.advance(nowNs);
        over = true;
        Short status = webSocket.closeStatusCode();
        String reason = webSocket.closeReason();
        finish(CallReport.Outcome.DROPPED, String.format(Locale.ROOT, "the server closed the stream after %.1f s "
                + "(status %s%s)", (nowNs - originNs) / 1e9, status == null ? "none" : status,
                reason == null || reason.isEmpty() ? "" : ", " + reason), nowNs);
    }

    private void onConnectFailed(Throwable e) {
        if (over) {
            return;
        }
        over = true;
        closeRecording(botRecording);
        closeRecording(callerRecording);
        live.callFailed();
        live.callEnded();
        result.complete(CallReport.connectFailed(messages.callSid(), messages.streamSid(), SimFailure.describe(e)));
    }

    private void finish(CallReport.Outcome outcome, String failure, long nowNs) {
        closeRecording(botRecording);
        closeRecording(callerRecording);
        live.callEnded();
        result.complete(new CallReport(messages.callSid(), messages.streamSid(), outcome, failure,
                (nowNs - originNs) / 1_000_000, schedule.framesSent(), arrivals.frames(),
                boxed(arrivals.speechSecondFps()), arrivals.jitterP99Ms(), playout.maxDepthMs(), playout.underruns(),
                playout.echoes(), playout.pendingMarks(), playout.clears(), arrivals.firstAudioMs(), invalidMessages,
                invalidReasons, dtmfSent, ResponseLatency.responsesMs(utteranceEndsMs, botArrivalsMs)));
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static void closeRecording(WavRecorder recording) {
        if (recording != null) {
            recording.close();
        }
    }
}
