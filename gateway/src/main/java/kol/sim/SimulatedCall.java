package kol.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
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
import org.agrona.concurrent.NanoClock;

/**
 * One simulated call: webhook (optional), WebSocket upgrade, {@code connected} and {@code start}, caller media on a
 * 20 ms deadline schedule with DTMF in between, the bot's audio through a {@link PlayoutBuffer}, mark echoes, then
 * {@code stop}.
 *
 * <p>Thread rule: everything after construction runs on the call's Vert.x {@link Context} (one event loop): the
 * WebSocket handlers, the send timer and the mark timer. Nothing here is shared except {@link LiveStats}.
 *
 * <p>Sending keeps a monotonic schedule ({@code deadlineNs += 20 ms}); a late wake-up sends every frame that is due,
 * so the average rate stays exactly 50 frames a second whatever the timer's precision.
 */
final class SimulatedCall {
    private static final int REASONS_KEPT = 5;

    private final SimOptions options;
    private final Context context;
    private final WebSocketClient webSockets;
    private final WebClient web;
    private final LiveStats live;
    private final NanoClock clock;
    private final TwilioSignature signature;
    private final CompletableFuture<CallReport> result = new CompletableFuture<>();
    private final String accountSid = TwilioIds.accountSid();
    private final CallerMessages messages;
    private final long totalFrames;
    private final byte[] frame = new byte[Telephony.FRAME_BYTES];
    private final WavRecorder botRecording;
    private final WavRecorder callerRecording;
    private final List<String> invalidReasons = new ArrayList<>();

    private String url;
    private WebSocket webSocket;
    private long originNs;
    private long nextDeadlineNs;
    private long framesSent;
    private int dtmfIndex;
    private int dtmfSent;
    private int invalidMessages;
    private PlayoutBuffer playout;
    private ArrivalStats arrivals;
    private final List<Long> botArrivalsMs = new ArrayList<>();
    private Timer markTimer;
    private long markTimerDueNs;
    private boolean over;

    SimulatedCall(SimOptions options, Context context, WebSocketClient webSockets, WebClient web, LiveStats live,
            NanoClock clock) throws IOException {
        this.options = options;
        this.context = context;
        this.webSockets = webSockets;
        this.web = web;
        this.live = live;
        this.clock = clock;
        this.signature = options.authToken() == null ? null : new TwilioSignature(options.authToken());
        this.messages = new CallerMessages(accountSid, TwilioIds.callSid(), TwilioIds.streamSid());
        this.totalFrames = options.duration().toMillis() / Telephony.FRAME_MS;
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
        nextDeadlineNs = originNs;
        playout = new PlayoutBuffer(originNs, options.jitterBufferMs(),
                botRecording == null ? PlayoutSink.NONE : botRecording, this::echoMark);
        arrivals = new ArrivalStats(originNs);
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(buffer -> onInvalid(ServerMessages.binary(buffer.length())));
        ws.closeHandler(v -> onServerClose());
        ws.exceptionHandler(e -> {
            // A protocol error is followed by a close; the close handler ends the call.
        });
        send(CallerMessages.connected());
        send(messages.start(stream.customParameters()));
        tick();
    }

    private void tick() {
        if (over) {
            return;
        }
        long nowNs = clock.nanoTime();
        while (framesSent < totalFrames && nextDeadlineNs - nowNs <= 0) {
            sendDueDtmf(nextDeadlineNs - originNs);
            sendFrame();
            nextDeadlineNs += Telephony.FRAME_NS;
        }
        playout.advance(nowNs);
        live.bufferDepth(playout.depthMs(nowNs));
        long endNs = originNs + totalFrames * Telephony.FRAME_NS;
        if (framesSent >= totalFrames && endNs - nowNs <= 0) {
            hangUp(nowNs);
            return;
        }
        long wakeNs = framesSent < totalFrames ? nextDeadlineNs : endNs;
        context.owner().timer(Math.max(0, wakeNs - nowNs), TimeUnit.NANOSECONDS).onSuccess(v -> tick());
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
        long offset = framesSent * Telephony.FRAME_BYTES;
        int fromAudio = (int) Math.max(0, Math.min(Telephony.FRAME_BYTES, audio.length - offset));
        if (fromAudio > 0) {
            System.arraycopy(audio, (int) offset, frame, 0, fromAudio);
        }
        Arrays.fill(frame, fromAudio, Telephony.FRAME_BYTES, G711.SILENCE);
        send(messages.media(frame));
        if (callerRecording != null) {
            callerRecording.play(frame, 0, frame.length);
        }
        framesSent++;
        live.frameSent();
    }

    private void onText(String text) {
        if (over) {
            return;
        }
        long nowNs = clock.nanoTime();
        ServerMessage message = ServerMessages.parse(text, messages.streamSid());
        if (message instanceof ServerMessage.Media media) {
            int underrunsBefore = playout.underruns();
            arrivals.onMedia(nowNs, media.muLaw().length);
            botArrivalsMs.add((nowNs - originNs) / 1_000_000);
            playout.onMedia(media.muLaw(), nowNs);
            live.frameReceived();
            if (playout.underruns() > underrunsBefore) {
                live.underrun();
            }
            scheduleMarkCheck(nowNs);
        } else if (message instanceof ServerMessage.Mark mark) {
            playout.onMark(mark.name(), nowNs);
            scheduleMarkCheck(nowNs);
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

    /** Wakes exactly when the next pending mark's audio has played, so its echo is not late by a tick. */
    private void scheduleMarkCheck(long nowNs) {
        long dueNs = playout.nextMarkDueNs();
        if (dueNs == Long.MAX_VALUE || (markTimer != null && markTimerDueNs - dueNs <= 0)) {
            return;
        }
        if (markTimer != null) {
            markTimer.cancel();
        }
        markTimerDueNs = dueNs;
        Timer timer = context.owner().timer(Math.max(0, dueNs - nowNs), TimeUnit.NANOSECONDS);
        markTimer = timer;
        timer.onSuccess(v -> {
            if (markTimer == timer) {
                markTimer = null;
            }
            if (!over) {
                long now = clock.nanoTime();
                playout.advance(now);
                scheduleMarkCheck(now);
            }
        });
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
        if (markTimer != null) {
            markTimer.cancel();
            markTimer = null;
        }
        closeRecording(botRecording);
        closeRecording(callerRecording);
        live.callEnded();
        result.complete(new CallReport(messages.callSid(), messages.streamSid(), outcome, failure,
                (nowNs - originNs) / 1_000_000, framesSent, arrivals.frames(), boxed(arrivals.speechSecondFps()),
                arrivals.jitterP99Ms(), playout.maxDepthMs(), playout.underruns(), playout.echoes(),
                playout.pendingMarks(), playout.clears(), arrivals.firstAudioMs(), invalidMessages, invalidReasons,
                dtmfSent, ResponseLatency.responsesMs(ResponseLatency.utteranceEndsMs(options.callerAudio()),
                        botArrivalsMs)));
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
