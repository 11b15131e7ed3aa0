package kol.provider.espeak;

import java.util.Objects;
import kol.provider.AudioFormat;
import kol.provider.Cancellable;
import kol.provider.tts.TextToSpeech;
import kol.provider.tts.TtsListener;

/**
 * The offline text-to-speech: espeak-ng, one process per utterance, its 22.05 kHz PCM streamed to the listener as the
 * pipe yields it (the speaking pipeline resamples to 8 kHz). Thread-safe; one instance serves every call.
 *
 * <p>DESIGN: a process per utterance rather than one long-lived process. Measured with EspeakLatencyProbe (espeak-ng
 * 1.51, two cores, median of 11): a fresh process gives its first audio 10.9 ms after {@code synthesize} for
 * "שלום, הגעתם למרפאה." (9.5 ms for the English one), all of it and its exit by 12.6 ms; that is under a tenth of the
 * ~150 ms the turn allows. A process started ahead and left waiting on stdin answers in 0.3 ms, but the 10 ms it saves
 * would cost an idle process per voice and a life cycle to get wrong. A single long-lived process is worse than
 * either: fed line by line it writes one endless WAV with nothing to mark where an utterance ends, and a barge-in
 * has to kill it anyway, paying the start-up then, mid-call. A process per utterance makes cancel a plain kill and
 * leaves no state to carry between calls.
 *
 * <p>Text goes to espeak-ng's stdin as UTF-8, never through a shell or argv. Blank text ends with {@code onDone} and no
 * audio, without starting a process: an empty reply is nothing to say, not a failure. Failures reach
 * {@code onError} with a message that says what to do: espeak-ng missing (with the install command), an unknown voice,
 * a non-zero exit, output that is not 16-bit mono PCM at {@link #SAMPLE_RATE_HZ}, no output for
 * {@link EspeakOptions#stallTimeoutMs()}. Listener calls come from a shared worker thread, never the caller's.
 */
public final class EspeakTts implements TextToSpeech {

    /** The rate of every espeak-ng voice (MBROLA voices, at 16 kHz, are not used here). */
    public static final int SAMPLE_RATE_HZ = 22_050;
    private static final AudioFormat FORMAT = AudioFormat.pcm16(SAMPLE_RATE_HZ);

    private final EspeakOptions options;

    public EspeakTts(EspeakOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** espeak-ng from {@code PATH} with the voice for a BCP 47 tag: {@code he-IL} → he, {@code en-US} → en-us. */
    public static EspeakTts forLanguage(String languageTag) {
        return new EspeakTts(EspeakOptions.forLanguage(languageTag));
    }

    public EspeakOptions options() {
        return options;
    }

    /** Whether espeak-ng runs and has this voice, with the install command when not. Blocks for about 20 ms. */
    public EspeakCheck check() {
        return EspeakCheck.of(options);
    }

    @Override
    public AudioFormat format() {
        return FORMAT;
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(listener, "listener");
        EspeakSynthesis synthesis = new EspeakSynthesis(options, text, listener, EspeakWorkers.WATCHDOG);
        EspeakWorkers.SYNTHESIS.execute(synthesis);
        return synthesis;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }
}
