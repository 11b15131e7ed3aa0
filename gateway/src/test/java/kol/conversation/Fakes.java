package kol.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kol.audio.Tones;
import kol.carrier.CallInfo;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.carrier.MarkEcho;
import kol.carrier.PlaybackTracker;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;
import kol.tx.Frame;
import kol.tx.FrameSink;
import kol.tx.TxQueue;
import kol.tx.TxQueueConfig;

/** One fake per port, driven by the test's script and its hand-set clock. */
final class Fakes {
    private Fakes() {
    }

    /** Caller frames: speech is any frame not filled with μ-law silence; ends after {@code hangoverMs}. */
    static final class ScriptedVoice implements VoiceTracker {
        final long hangoverMs;
        private long speechMs;
        private long silenceMs;
        private boolean speaking;

        ScriptedVoice(long hangoverMs) {
            this.hangoverMs = hangoverMs;
        }

        @Override
        public Change onFrame(short[] pcm, int off) {
            int peak = 0;
            for (int i = off; i < off + Frame.MEDIA_BYTES; i++) {
                peak = Math.max(peak, Math.abs(pcm[i]));
            }
            boolean speech = peak > 1000;
            if (speech) {
                silenceMs = 0;
                speechMs += Frame.FRAME_MS;
                if (!speaking && speechMs >= 60) {
                    speaking = true;
                    return Change.SPEECH_STARTED;
                }
                return Change.NONE;
            }
            if (!speaking) {
                speechMs = 0;
                return Change.NONE;
            }
            silenceMs += Frame.FRAME_MS;
            if (silenceMs >= hangoverMs) {
                speaking = false;
                speechMs = 0;
                return Change.SPEECH_ENDED;
            }
            return Change.NONE;
        }

        @Override
        public long speechRunMs() {
            return speaking || speechMs > 0 ? speechMs : 0;
        }

        @Override
        public long hangoverMs() {
            return hangoverMs;
        }
    }

    /** A recogniser the test makes speak: {@code partial(...)}, {@code fin(...)}. */
    static final class ScriptedStt implements SpeechToText {
        final boolean words;
        SttListener listener;
        int audioBytes;
        int batches;
        int endOfUtterances;

        ScriptedStt(boolean words) {
            this.words = words;
        }

        @Override
        public SttStream open(CallInfo call, SttListener sttListener) {
            this.listener = sttListener;
            return new SttStream() {
                @Override
                public void sendAudio(byte[] ulaw, int off, int len) {
                    audioBytes += len;
                    batches++;
                }

                @Override
                public void endOfUtterance() {
                    endOfUtterances++;
                }

                @Override
                public void close() {
                }
            };
        }

        void partial(String text) {
            listener.onPartial(text, 0);
        }

        void fin(String text) {
            listener.onFinal(text, 0, 0.9);
        }

        @Override
        public boolean recognisesWords() {
            return words;
        }

        @Override
        public String name() {
            return "scripted";
        }
    }

    /** A dialog that answers each turn with the scripted sentences, at once or when the test releases it. */
    static final class ScriptedDialog implements DialogSession {
        final List<Turn> turns = new ArrayList<>();
        final List<ReplyListener> open = new ArrayList<>();
        int cancelled;
        boolean hold;
        List<String> sentences = List.of("Hello there.", "How can I help?");
        DialogAction action;

        @Override
        public String greeting() {
            return "Welcome.";
        }

        @Override
        public Cancellable respond(Turn turn, ReplyListener listener) {
            turns.add(turn);
            boolean[] stopped = {false};
            ReplyListener guarded = new ReplyListener() {
                @Override
                public void onText(String delta) {
                    if (!stopped[0]) {
                        listener.onText(delta);
                    }
                }

                @Override
                public void onAction(DialogAction a) {
                    if (!stopped[0]) {
                        listener.onAction(a);
                    }
                }

                @Override
                public void onDone() {
                    if (!stopped[0]) {
                        listener.onDone();
                    }
                }

                @Override
                public void onError(Exception error) {
                    if (!stopped[0]) {
                        listener.onError(error);
                    }
                }
            };
            open.add(guarded);
            if (!hold) {
                release(guarded);
            }
            return () -> {
                if (!stopped[0]) {
                    stopped[0] = true;
                    cancelled++;
                }
            };
        }

        /** Streams the first sentence only (the dialog is still "thinking" about the rest). */
        void firstSentence(ReplyListener listener) {
            listener.onText(sentences.get(0) + " ");
        }

        void release(ReplyListener listener) {
            for (String sentence : sentences) {
                listener.onText(sentence + " ");
            }
            if (action != null) {
                listener.onAction(action);
            }
            listener.onDone();
        }
    }

    /** Speech synthesis: {@code msPerSentence} of tone per sentence, delivered at once unless held. */
    static final class ToneTts implements TextToSpeech {
        final List<String> spoken = new ArrayList<>();
        final List<TtsListener> held = new ArrayList<>();
        int cancelled;
        int msPerSentence = 400;
        boolean hold;

        @Override
        public AudioFormat format() {
            return AudioFormat.pcm16(16000);
        }

        @Override
        public Cancellable synthesize(String text, TtsListener listener) {
            spoken.add(text);
            boolean[] stopped = {false};
            TtsListener guarded = new TtsListener() {
                @Override
                public void onAudio(byte[] chunk, int off, int len) {
                    if (!stopped[0]) {
                        listener.onAudio(chunk, off, len);
                    }
                }

                @Override
                public void onDone() {
                    if (!stopped[0]) {
                        listener.onDone();
                    }
                }

                @Override
                public void onError(Exception error) {
                    if (!stopped[0]) {
                        listener.onError(error);
                    }
                }
            };
            if (hold) {
                held.add(guarded);
            } else {
                deliver(guarded);
            }
            return () -> {
                stopped[0] = true;
                cancelled++;
            };
        }

        void deliver(TtsListener listener) {
            short[] pcm = Tones.sine(500, -12, msPerSentence);
            short[] at16k = new short[pcm.length * 2];
            for (int i = 0; i < at16k.length; i++) {
                at16k[i] = pcm[i / 2];
            }
            byte[] bytes = new byte[at16k.length * 2];
            for (int i = 0; i < at16k.length; i++) {
                bytes[2 * i] = (byte) at16k[i];
                bytes[2 * i + 1] = (byte) (at16k[i] >> 8);
            }
            for (int at = 0; at < bytes.length; at += 777) {
                listener.onAudio(bytes, at, Math.min(777, bytes.length - at));
            }
            listener.onDone();
        }

        @Override
        public String name() {
            return "tone";
        }
    }

    /**
     * The carrier side: a session with a real TX queue and playback tracker, and a sink that plays what the pacer
     * sends in real time and echoes each mark when the audio before it has played (at once after a clear).
     */
    static final class FakeCall implements CallSession, FrameSink {
        final TxQueue queue = new TxQueue(TxQueueConfig.defaults());
        final PlaybackTracker playback = new PlaybackTracker();
        final List<String> sent = new ArrayList<>();
        final List<Long> mediaSentAt = new ArrayList<>();
        final long[] now;
        CallListener listener;
        boolean hungUp;
        /** How far behind the pacer the far end plays (a network and jitter buffer). */
        long playoutDelayNs;
        private final List<Object[]> pendingEchoes = new ArrayList<>();
        private long playedUntilNs;

        FakeCall(long[] now) {
            this.now = now;
        }

        @Override
        public CallInfo info() {
            return new CallInfo("CAtest", "MZtest", "ACtest", "+972500000000", "+97230000000", Map.of());
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
            hungUp = true;
        }

        @Override
        public boolean canAccept() {
            return true;
        }

        @Override
        public int sendQueueFrames() {
            return 0;
        }

        @Override
        public void write(Frame frame) {
            switch (frame.kind()) {
                case MEDIA -> {
                    playback.onMediaSent();
                    mediaSentAt.add(now[0]);
                    sent.add("media");
                    playedUntilNs = Math.max(playedUntilNs, now[0] + playoutDelayNs) + Frame.FRAME_NS;
                }
                case MARK -> {
                    playback.onMarkSent(frame.name(), now[0]);
                    sent.add("mark:" + frame.name());
                    pendingEchoes.add(new Object[] {frame.name(), Math.max(playedUntilNs, now[0])});
                }
                case CLEAR -> {
                    playback.onClearSent();
                    sent.add("clear");
                    playedUntilNs = now[0];
                    for (Object[] echo : pendingEchoes) {
                        echo[1] = now[0];
                    }
                }
                default -> sent.add(frame.kind().name());
            }
        }

        /** Echoes the marks whose audio has played by now. */
        void echoDue() {
            List<Object[]> due = new ArrayList<>();
            for (Object[] echo : pendingEchoes) {
                if ((long) echo[1] <= now[0]) {
                    due.add(echo);
                }
            }
            pendingEchoes.removeAll(due);
            for (Object[] echo : due) {
                MarkEcho result = playback.onEcho((String) echo[0], now[0]);
                listener.onMark(result);
            }
        }

        long mediaSentCount() {
            return mediaSentAt.size();
        }
    }

    /** Timers on the test's clock. */
    static final class ManualTimers implements Timers {
        private final long[] now;
        private final List<Object[]> due = new ArrayList<>();

        ManualTimers(long[] now) {
            this.now = now;
        }

        @Override
        public Cancellable schedule(long delayMs, Runnable task) {
            Object[] entry = {now[0] + delayMs * 1_000_000L, task, false};
            due.add(entry);
            return () -> entry[2] = true;
        }

        void fireDue() {
            List<Object[]> ready = new ArrayList<>();
            for (Object[] entry : due) {
                if ((long) entry[0] <= now[0]) {
                    ready.add(entry);
                }
            }
            due.removeAll(ready);
            for (Object[] entry : ready) {
                if (!(boolean) entry[2]) {
                    ((Runnable) entry[1]).run();
                }
            }
        }
    }
}
