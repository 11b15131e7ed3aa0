package kol.provider.vadonly;

import kol.carrier.CallInfo;
import kol.provider.stt.SpeechToText;
import kol.provider.stt.SttListener;
import kol.provider.stt.SttStream;

/**
 * Speech-to-text for when no recogniser is configured: no speech recogniser for Hebrew can be installed offline,
 * so by default Kol recognises no words. Turn-taking and barge-in still run on the VAD, the flow runs on DTMF, and
 * an utterance gets the flow's "press a digit" prompt. {@code STT_PROVIDER=google} (or whisper) gives words.
 */
public final class VadOnlyStt implements SpeechToText {

    @Override
    public SttStream open(CallInfo call, SttListener listener) {
        return new SttStream() {
            @Override
            public void sendAudio(byte[] ulaw, int off, int len) {
                // No recogniser: the audio is heard by the VAD only.
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean recognisesWords() {
        return false;
    }

    @Override
    public String name() {
        return "none";
    }
}
