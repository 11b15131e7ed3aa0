package kol.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.carrier.MarkEcho;
import kol.carrier.MarkOutcome;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import kol.provider.tts.TextToSpeech;
import kol.tx.FlushResult;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's conversation: it listens (through {@link CallerAudio}), decides when the caller's turn is over, asks
 * the dialog for one reply per turn, speaks it sentence by sentence into the call's TX queue, and cuts itself off
 * when the caller talks over it.
 *
 * <p>Rules: one reply per caller turn; no reply starts within {@code REPLY_REFRACTORY_MS} of the previous one (a
 * turn that ends inside that window is merged with the one before, and a reply not yet heard is replaced, never
 * answered twice); caller speech of {@code BARGE_IN_MIN_MS} while the bot is being heard flushes the queued audio,
 * sends a clear and cancels the dialog and text-to-speech in one step.
 *
 * <p>Threading: the carrier thread runs {@link CallerAudio}; everything else runs on this call's serial executor,
 * so the state below has one owner.
 */
public final class Conversation implements CallListener {
    private static final Logger LOG = LoggerFactory.getLogger("kol.turn");

    private final CallSession session;
    private final DialogSession dialog;
    private final TextToSpeech tts;
    private final ConversationConfig config;
    private final Timers timers;
    private final NanoClock clock;
    private final Executor producers;
    private final SerialExecutor actor;
    private final CallerAudio audio;
    private final boolean recognisesWords;
    private final String names;
    private final String sttName;
    private final List<TurnLatency.Figures> turns = new ArrayList<>();
    private java.util.function.Consumer<String> partialTap = text -> { };

    // Caller side (actor).
    private boolean callerSpeaking;
    private String utteranceFinal = "";
    private String utterancePartial = "";
    private long utteranceFirstPartialNs = TurnLatency.UNSET;
    private long utteranceFinalNs = TurnLatency.UNSET;
    private long lastPartialDeliveredNs = Long.MIN_VALUE;
    private String pendingPartial;
    private Cancellable partialTimer = Cancellable.NONE;
    private TurnLatency waitingTurn;
    private Cancellable finalWait = Cancellable.NONE;
    private int turnCount;

    // Bot side (actor).
    private Reply reply;
    private long lastReplyStartNs = Long.MIN_VALUE;
    private Turn deferredTurn;
    private TurnLatency deferredLatency;
    private Cancellable deferredTimer = Cancellable.NONE;
    private int generation;
    private int replyCount;
    private ReplySpeaker greeting;
    private boolean ended;

    /** A reply in progress: its dialog stream, its speaker, and what the caller heard of it. */
    private final class Reply {
        final Turn turn;
        final TurnLatency latency;
        final ReplySpeaker speaker;
        final SentenceSplitter splitter;
        final long startedNs;
        final List<DialogAction> actions = new ArrayList<>();
        Cancellable dialogStream = Cancellable.NONE;
        int sentencesQueued;
        int sentencesPlayed;
        String lastMark;
        boolean audible;

        Reply(Turn turn, TurnLatency latency, ReplySpeaker speaker, long startedNs) {
            this.turn = turn;
            this.latency = latency;
            this.speaker = speaker;
            this.startedNs = startedNs;
            this.splitter = new SentenceSplitter(sentence -> {
                sentencesQueued++;
                speaker.addSentence(sentence);
            });
        }
    }

    public Conversation(CallSession session, DialogSession dialog, SpeechToText stt, TextToSpeech tts,
            VoiceTracker voice, ConversationConfig config, Executor producers, Timers timers, NanoClock clock,
            String dialogName) {
        this.session = session;
        this.dialog = dialog;
        this.tts = tts;
        this.config = config;
        this.timers = timers;
        this.clock = clock;
        this.producers = producers;
        this.actor = new SerialExecutor(producers, e -> LOG.error("Conversation error on call={}", callId(), e));
        this.recognisesWords = stt.recognisesWords();
        this.sttName = stt.name();
        this.names = dialogName;
        this.audio = new CallerAudio(voice, stt.open(session.info(), sttListener()), config, callerEvents(), clock);
    }

    /** Speaks the greeting ({@code text}), then the {@code greeting_end} mark. */
    public void greet(String text) {
        if (text == null || text.isBlank()) {
            session.tx().offer(Frame.mark(TxLogReporter.GREETING_END));
            return;
        }
        actor.execute(() -> {
            greeting = new ReplySpeaker(session.tx(), tts, producers, "greet", speakerEvents());
            greeting.addSentence(text);
            greeting.finish();
            greeting.done().thenRun(() -> session.tx().offer(Frame.mark(TxLogReporter.GREETING_END)));
        });
    }

    /** Where debounced interim results go (at most one per {@code STT_PARTIAL_DEBOUNCE_MS}). */
    void onDebouncedPartial(java.util.function.Consumer<String> tap) {
        this.partialTap = tap;
    }

    /** The latency figures of every turn answered so far. */
    public List<TurnLatency.Figures> turns() {
        synchronized (turns) {
            return List.copyOf(turns);
        }
    }

    // ---------------------------------------------------------------- carrier events

    @Override
    public void onAudio(byte[] ulaw, int off) {
        audio.onFrame(ulaw, off);
    }

    @Override
    public void onDtmf(char digit) {
        long now = clock.nanoTime();
        actor.execute(() -> {
            LOG.info("[DTMF] call={} digit={}", callId(), digit);
            if (botAudible()) {
                bargeIn("key " + digit);
            } else if (reply != null) {
                cancelReply();
            }
            startReply(Turn.dtmf(digit), new TurnLatency(callId(), ++turnCount, now));
        });
    }

    @Override
    public void onMark(MarkEcho echo) {
        actor.execute(() -> markEchoed(echo));
    }

    @Override
    public void onEnd(String reason) {
        audio.close();
        actor.execute(() -> {
            ended = true;
            if (reply != null) {
                reply.dialogStream.cancel();
                reply.speaker.cancel();
                logTurn(reply.latency);
            }
            if (greeting != null) {
                greeting.cancel();
            }
            partialTimer.cancel();
            finalWait.cancel();
            deferredTimer.cancel();
            dialog.close();
        });
    }

    // ---------------------------------------------------------------- listening

    private CallerAudio.Events callerEvents() {
        return new CallerAudio.Events() {
            @Override
            public void onSpeechStarted(long nowNs) {
                actor.execute(() -> speechStarted());
            }

            @Override
            public void onSpeechEnded(long nowNs, long hangoverMs) {
                actor.execute(() -> speechEnded(nowNs, hangoverMs));
            }

            @Override
            public void onSustainedSpeech(long nowNs) {
                actor.execute(() -> {
                    if (config.bargeIn() && botAudible()) {
                        bargeIn("caller speech");
                    }
                });
            }
        };
    }

    private SttListener sttListener() {
        return new SttListener() {
            @Override
            public void onPartial(String text, long audioEndMs) {
                long now = clock.nanoTime();
                actor.execute(() -> partial(text, now));
            }

            @Override
            public void onFinal(String text, long audioEndMs, double confidence) {
                long now = clock.nanoTime();
                actor.execute(() -> finalResult(text, now));
            }

            @Override
            public void onError(Exception error, boolean recovering) {
                LOG.warn("Speech-to-text error on call={} ({}): {}", callId(), recovering ? "recovering" : "failed",
                        error.toString());
            }

            @Override
            public void onOutage(long downForMs) {
                actor.execute(() -> sayOutageLine(downForMs));
            }
        };
    }

    private void speechStarted() {
        callerSpeaking = true;
        if (waitingTurn == null) {
            utteranceFinal = "";
            utterancePartial = "";
            utteranceFirstPartialNs = TurnLatency.UNSET;
            utteranceFinalNs = TurnLatency.UNSET;
        }
    }

    private void speechEnded(long nowNs, long hangoverMs) {
        callerSpeaking = false;
        TurnLatency latency = new TurnLatency(callId(), turnCount + 1, nowNs - hangoverMs * 1_000_000L);
        latency.vadEnd(nowNs);
        boolean waitForStt = recognisesWords && (!config.streamingStt() || !config.endOfTurn().equals("vad"))
                && utteranceFinal.isEmpty();
        if (waitForStt) {
            waitingTurn = latency;
            finalWait = timers.schedule(config.utteranceFinalWaitMs(), () -> actor.execute(() -> {
                if (waitingTurn == latency) {
                    waitingTurn = null;
                    endTurn(turnFromUtterance(), latency);
                }
            }));
            return;
        }
        endTurn(turnFromUtterance(), latency);
    }

    private void partial(String text, long nowNs) {
        utterancePartial = text;
        if (utteranceFirstPartialNs == TurnLatency.UNSET) {
            utteranceFirstPartialNs = nowNs;
        }
        long sinceMs = (nowNs - lastPartialDeliveredNs) / 1_000_000L;
        if (lastPartialDeliveredNs == Long.MIN_VALUE || sinceMs >= config.partialDebounceMs()) {
            deliverPartial(text, nowNs);
            return;
        }
        boolean timerRunning = pendingPartial != null;
        pendingPartial = text;
        if (!timerRunning) {
            partialTimer = timers.schedule(config.partialDebounceMs() - sinceMs, () -> actor.execute(() -> {
                if (pendingPartial != null) {
                    deliverPartial(pendingPartial, clock.nanoTime());
                }
            }));
        }
    }

    private void deliverPartial(String text, long nowNs) {
        pendingPartial = null;
        lastPartialDeliveredNs = nowNs;
        partialTap.accept(text);
        LOG.debug("[STT] partial call={} \"{}\"", callId(), text);
    }

    private void finalResult(String text, long nowNs) {
        utteranceFinal = utteranceFinal.isEmpty() ? text.strip() : utteranceFinal + " " + text.strip();
        if (utteranceFinalNs == TurnLatency.UNSET) {
            utteranceFinalNs = nowNs;
        }
        LOG.info("[STT] final call={} \"{}\"", callId(), text);
        if (waitingTurn != null) {
            TurnLatency latency = waitingTurn;
            waitingTurn = null;
            finalWait.cancel();
            endTurn(turnFromUtterance(), latency);
        } else if (!callerSpeaking && !config.endOfTurn().equals("vad")) {
            // END_OF_TURN=stt/either: a final ends the turn even before the VAD's hangover.
            TurnLatency latency = new TurnLatency(callId(), turnCount + 1, nowNs);
            endTurn(turnFromUtterance(), latency);
        }
    }

    private Turn turnFromUtterance() {
        String text = !utteranceFinal.isEmpty() ? utteranceFinal : utterancePartial;
        return text.isBlank() ? Turn.unrecognised() : Turn.speech(text);
    }

    // ---------------------------------------------------------------- deciding

    private void endTurn(Turn turn, TurnLatency latency) {
        if (ended) {
            return;
        }
        latency.sttPartial(utteranceFirstPartialNs);
        latency.sttFinal(utteranceFinalNs);
        utteranceFinal = "";
        utterancePartial = "";
        utteranceFirstPartialNs = TurnLatency.UNSET;
        utteranceFinalNs = TurnLatency.UNSET;
        long now = clock.nanoTime();
        boolean inRefractory = lastReplyStartNs != Long.MIN_VALUE
                && now - lastReplyStartNs < config.refractoryMs() * 1_000_000L;
        if (reply != null && !reply.audible && inRefractory && reply.turn.kind() != Turn.Kind.DTMF) {
            // The caller went on after a pause: merge with the turn being answered and answer once.
            Turn merged = merge(reply.turn, turn);
            LOG.info("[TURN] call={} merged a split utterance into turn {}", callId(), reply.latency.figures().turn());
            TurnLatency kept = reply.latency;
            cancelReply();
            defer(merged, kept);
            return;
        }
        if (deferredTurn != null) {
            deferredTurn = merge(deferredTurn, turn);
            return;
        }
        if (botAudible()) {
            LOG.debug("Ignoring a short utterance on call={} while the bot speaks", callId());
            return;
        }
        turnCount = Math.max(turnCount, latency.figures().turn());
        if (inRefractory) {
            defer(turn, latency);
            return;
        }
        startReply(turn, latency);
    }

    private void defer(Turn turn, TurnLatency latency) {
        deferredTurn = turn;
        deferredLatency = latency;
        long waitMs = Math.max(0, config.refractoryMs() - (clock.nanoTime() - lastReplyStartNs) / 1_000_000L);
        deferredTimer = timers.schedule(waitMs, () -> actor.execute(() -> {
            if (deferredTurn != null && !ended) {
                Turn next = deferredTurn;
                deferredTurn = null;
                startReply(next, deferredLatency);
            }
        }));
    }

    private static Turn merge(Turn first, Turn second) {
        if (first.kind() == Turn.Kind.SPEECH && second.kind() == Turn.Kind.SPEECH) {
            return Turn.speech(first.text() + " " + second.text());
        }
        return second.kind() == Turn.Kind.SPEECH ? second : first;
    }

    private void startReply(Turn turn, TurnLatency latency) {
        if (ended) {
            return;
        }
        replyCount++;
        String prefix = "g" + generation + "-r" + replyCount;
        ReplySpeaker speaker = new ReplySpeaker(session.tx(), tts, producers, prefix, speakerEvents());
        Reply started = new Reply(turn, latency, speaker, clock.nanoTime());
        reply = started;
        lastReplyStartNs = started.startedNs;
        LOG.info("[HEARD] call={} turn={} {}", callId(), latency.figures().turn(), describe(turn));
        started.dialogStream = dialog.respond(turn, new ReplyListener() {
            @Override
            public void onText(String delta) {
                long now = clock.nanoTime();
                actor.execute(() -> {
                    if (reply == started) {
                        started.latency.dialogFirstToken(now);
                        started.splitter.add(delta);
                    }
                });
            }

            @Override
            public void onAction(DialogAction action) {
                actor.execute(() -> started.actions.add(action));
            }

            @Override
            public void onDone() {
                actor.execute(() -> {
                    if (reply == started) {
                        started.splitter.finish();
                        started.speaker.finish();
                    }
                });
            }

            @Override
            public void onError(Exception error) {
                actor.execute(() -> {
                    LOG.warn("Dialog failed on call={}: {}; saying the fallback line", callId(), error.toString());
                    if (reply == started) {
                        started.splitter.clear();
                        started.speaker.addSentence(config.fallbackLine());
                        started.speaker.finish();
                    }
                });
            }
        });
        speaker.done().thenAccept(lastMark -> actor.execute(() -> started.lastMark = lastMark));
    }

    private ReplySpeaker.Events speakerEvents() {
        return new ReplySpeaker.Events() {
            @Override
            public void onFirstTtsAudio() {
                long now = clock.nanoTime();
                actor.execute(() -> {
                    if (reply != null) {
                        reply.latency.ttsFirstAudio(now);
                    }
                });
            }

            @Override
            public void onFirstFrameQueued() {
                long now = clock.nanoTime();
                actor.execute(() -> {
                    if (reply != null) {
                        reply.audible = true;
                        reply.latency.firstFrameQueued(now);
                    }
                });
            }

            @Override
            public void onTtsError(String sentence, Exception error) {
                LOG.warn("Text-to-speech failed on call={} for \"{}\": {}", callId(), sentence, error.toString());
            }
        };
    }

    // ---------------------------------------------------------------- playback and barge-in

    private void markEchoed(MarkEcho echo) {
        Reply current = reply;
        if (current == null) {
            return;
        }
        if (echo.name().equals(current.speaker.firstFrameMark())) {
            if (echo.sentAtNs() != 0) {
                current.latency.firstFrameSent(echo.sentAtNs());
            }
            if (echo.outcome() == MarkOutcome.PLAYED) {
                current.latency.firstFramePlayed(echo.echoedAtNs());
            }
            logTurn(current.latency);
            return;
        }
        if (echo.outcome() == MarkOutcome.PLAYED && echo.name().startsWith(markPrefixOf(current))) {
            current.sentencesPlayed++;
        }
        if (echo.name().equals(current.lastMark)) {
            actOnReplyEnd(current, echo.outcome());
        }
    }

    private void actOnReplyEnd(Reply finished, MarkOutcome outcome) {
        for (DialogAction action : finished.actions) {
            switch (action.kind()) {
                case HANG_UP -> session.hangUp("the dialog ended the call");
                case HAND_OFF -> {
                    LOG.info("[CALL] hand-off call={} target={}", callId(), action.target());
                    session.hangUp("handed off to " + action.target());
                }
                default -> {
                }
            }
        }
        if (reply == finished && outcome == MarkOutcome.PLAYED) {
            reply = null;
        }
    }

    /** True while the caller hears (or is about to hear) the bot: audio queued, or marks not yet echoed. */
    private boolean botAudible() {
        return session.tx().mediaDepth() > 0 || session.playback().pendingMarks() > 0;
    }

    private void bargeIn(String cause) {
        // Stop the producers first: a flush wakes a waiting producer, which must find itself cancelled.
        Reply cut = reply;
        if (cut != null) {
            cut.dialogStream.cancel();
            cut.speaker.cancel();
            reply = null;
        }
        if (greeting != null) {
            greeting.cancel();
        }
        FlushResult flushed = session.tx().flushMedia();
        session.tx().offer(Frame.clear());
        generation++;
        if (cut != null) {
            logTurn(cut.latency);
        }
        LOG.info("[BARGE-IN] call={} cause=\"{}\" flushed={}ms heard={}/{} sentences of reply {}", callId(), cause,
                flushed.mediaMs(), cut == null ? 0 : cut.sentencesPlayed, cut == null ? 0 : cut.sentencesQueued,
                cut == null ? "-" : markPrefixOf(cut));
    }

    /** Recognition is down: tell the caller once, unless the bot is speaking anyway. */
    private void sayOutageLine(long downForMs) {
        if (ended || botAudible() || reply != null) {
            return;
        }
        LOG.warn("[STT] call={} recognition down for {} ms: saying the outage line", callId(), downForMs);
        ReplySpeaker speaker = new ReplySpeaker(session.tx(), tts, producers, "g" + generation + "-outage",
                speakerEvents());
        speaker.addSentence(config.outageLine());
        speaker.finish();
    }

    private void cancelReply() {
        if (reply != null) {
            reply.dialogStream.cancel();
            reply.speaker.cancel();
            reply = null;
        }
    }

    private void logTurn(TurnLatency latency) {
        if (latency.isLogged()) {
            return;
        }
        latency.markLogged();
        synchronized (turns) {
            turns.add(latency.figures());
        }
        LOG.info(latency.logLine(sttName, names, tts.name()));
    }

    private String markPrefixOf(Reply r) {
        return r.speaker.firstFrameMark().substring(0, r.speaker.firstFrameMark().length() - "-first".length());
    }

    private static String describe(Turn turn) {
        switch (turn.kind()) {
            case DTMF:
                return "dtmf=" + turn.digit();
            case SPEECH:
                return "heard=\"" + turn.text() + "\"";
            default:
                return "speech (no words recognised)";
        }
    }

    private String callId() {
        return session.info().callId();
    }
}
