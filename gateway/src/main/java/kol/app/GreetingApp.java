package kol.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import kol.audio.TelephonyAudio;
import kol.audio.Tones;
import kol.audio.Wav;
import kol.carrier.CallApp;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import kol.tx.TxPlayer;

/**
 * The simplest call application: greets each caller (a WAV from {@code GREETING_WAV}, or a short tone sequence),
 * ends the greeting with the {@code greeting_end} mark, and answers each key press with a beep. Everything it says
 * goes through the call's TX queue.
 */
public final class GreetingApp implements CallApp {
    private final byte[] greeting;
    private final byte[] beep = Tones.muLaw(Tones.beep(1400, -12, 120));
    private final Executor producers;

    public GreetingApp(byte[] greetingMuLaw, Executor producers) {
        this.greeting = greetingMuLaw;
        this.producers = producers;
    }

    /** The greeting from {@code wav}, or the built-in tone sequence when {@code wav} is null or blank. */
    public static byte[] loadGreeting(String wav) throws IOException {
        if (wav == null || wav.isBlank()) {
            return Tones.muLaw(Tones.greeting());
        }
        return TelephonyAudio.toMuLaw8k(Wav.read(Path.of(wav)));
    }

    @Override
    public CallListener onCall(CallSession session) {
        TxPlayer.play(session.tx(), greeting, Frame.mark(TxLogReporter.GREETING_END), producers);
        return new CallListener() {
            @Override
            public void onAudio(byte[] ulaw, int off) {
                // The caller's audio is not used by this application.
            }

            @Override
            public void onDtmf(char digit) {
                TxPlayer.play(session.tx(), beep, Frame.mark("dtmf_" + digit), producers);
            }
        };
    }
}
