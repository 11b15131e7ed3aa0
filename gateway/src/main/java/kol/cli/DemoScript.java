package kol.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kol.audio.Telephony;
import kol.audio.Tones;
import kol.audio.Wav;
import kol.audio.WavAudio;
import kol.provider.AudioFormat;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;
import kol.sim.DtmfPress;

/**
 * The caller's side of a demo call, laid out in time: silence while the bot greets, an utterance, a key press,
 * talking over the bot once, and the hang-up. The caller's words are spoken by espeak-ng once and kept as WAV files;
 * the bot's lines are synthesised here once too, to know how long each takes to say, so the caller waits for them.
 *
 * @param callerMuLaw the caller's whole audio, 8 kHz μ-law
 * @param presses the key presses
 * @param durationMs the call's length
 */
record DemoScript(byte[] callerMuLaw, List<DtmfPress> presses, long durationMs) {
    private static final int AFTER_BOT_MS = 1000;

    /** What the caller says, per language. */
    private record Lines(String first, String interruption, String turn) {
        static Lines of(String language) {
            return language.startsWith("he")
                    ? new Lines("שלום, אני צריך עזרה בבקשה.", "רגע, סליחה, יש לי עוד שאלה.", "כן, בבקשה.")
                    : new Lines("Hello, I need some help please.", "Wait, sorry, I have another question.",
                            "Yes, please.");
        }
    }

    /** The scenario: greeting, an utterance, a key press, a barge-in, then goodbye. */
    static DemoScript scenario(String language, TextToSpeech tts, DialogSession flow, Path cache) throws Exception {
        Lines lines = Lines.of(language);
        byte[] first = callerLine(tts, lines.first(), cache.resolve("caller-1-" + language + ".wav"));
        byte[] interruption = callerLine(tts, lines.interruption(), cache.resolve("caller-2-" + language + ".wav"));
        long greetingMs = speechMs(tts, flow.greeting());
        long promptMs = speechMs(tts, replyText(flow, Turn.unrecognised()));
        Timeline timeline = new Timeline();
        timeline.silence(greetingMs + AFTER_BOT_MS);
        timeline.say(first);
        timeline.silence(VAD_MARGIN_MS + promptMs + AFTER_BOT_MS);
        long pressAt = timeline.nowMs();
        timeline.silence(1500);
        timeline.say(interruption);
        timeline.silence(VAD_MARGIN_MS + promptMs + AFTER_BOT_MS + 1000);
        return new DemoScript(timeline.audio(), List.of(new DtmfPress('1', pressAt)), timeline.nowMs());
    }

    /** {@code turns} utterances, each answered in full before the next: for the response-time figure. */
    static DemoScript latency(String language, TextToSpeech tts, DialogSession flow, Path cache, int turns)
            throws Exception {
        Lines lines = Lines.of(language);
        byte[] utterance = callerLine(tts, lines.turn(), cache.resolve("caller-3-" + language + ".wav"));
        long greetingMs = speechMs(tts, flow.greeting());
        long replyMs = speechMs(tts, replyText(flow, Turn.unrecognised()));
        Timeline timeline = new Timeline();
        timeline.silence(greetingMs + AFTER_BOT_MS);
        for (int i = 0; i < turns; i++) {
            timeline.say(utterance);
            // Room for the whole answer (a repeated prompt may be longer than the first), so no turn barges in.
            timeline.silence(VAD_MARGIN_MS + 2 * replyMs + AFTER_BOT_MS + 1200);
        }
        return new DemoScript(timeline.audio(), List.of(), timeline.nowMs());
    }

    private static final long VAD_MARGIN_MS = 600;

    /** The caller's line as 8 kHz μ-law, spoken once by {@code tts} and cached as a WAV. */
    static byte[] callerLine(TextToSpeech tts, String text, Path wav) throws Exception {
        if (!Files.exists(wav)) {
            Files.createDirectories(wav.getParent());
            Wav.write(wav, WavAudio.ofMuLaw(synthesise(tts, text)));
        }
        return kol.audio.TelephonyAudio.toMuLaw8k(Wav.read(wav));
    }

    /** How long {@code tts} takes to say {@code text}, in ms. */
    static long speechMs(TextToSpeech tts, String text) throws Exception {
        return synthesise(tts, text).length * 1000L / Telephony.SAMPLE_RATE_HZ;
    }

    /** The reply a fresh session of the flow gives to {@code turn} (all of its text). */
    static String replyText(DialogSession flow, Turn turn) throws Exception {
        StringBuilder text = new StringBuilder();
        CompletableFuture<String> done = new CompletableFuture<>();
        flow.respond(turn, new ReplyListener() {
            @Override
            public void onText(String delta) {
                text.append(delta);
            }

            @Override
            public void onDone() {
                done.complete(text.toString());
            }

            @Override
            public void onError(Exception error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    /** {@code text} spoken by {@code tts}, as 8 kHz μ-law. */
    static byte[] synthesise(TextToSpeech tts, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        tts.synthesize(text, new TtsListener() {
            @Override
            public void onAudio(byte[] chunk, int off, int len) {
                synchronized (bytes) {
                    bytes.write(chunk, off, len);
                }
            }

            @Override
            public void onDone() {
                done.complete(null);
            }

            @Override
            public void onError(Exception error) {
                done.completeExceptionally(error);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        byte[] raw = bytes.toByteArray();
        AudioFormat format = tts.format();
        if (format.encoding() == AudioFormat.Encoding.MULAW) {
            return raw;
        }
        short[] pcm = new short[raw.length / 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) ((raw[2 * i + 1] << 8) | (raw[2 * i] & 0xFF));
        }
        return Tones.muLaw(kol.audio.TelephonyAudio.resample(pcm, format.sampleRateHz()));
    }

    /** Caller audio being laid out. */
    private static final class Timeline {
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();

        void silence(long ms) {
            audio.writeBytes(Tones.silenceMuLaw((int) ms));
        }

        void say(byte[] muLaw) {
            audio.writeBytes(muLaw);
        }

        long nowMs() {
            return audio.size() / 8L;
        }

        byte[] audio() {
            return audio.toByteArray();
        }
    }
}
