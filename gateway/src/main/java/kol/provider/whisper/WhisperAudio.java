package kol.provider.whisper;

import kol.audio.G711;
import kol.audio.Resampler;
import kol.audio.Telephony;

/** Phone audio as Whisper takes it: 8 kHz μ-law decoded, resampled to 16 kHz, scaled to floats in [-1, 1]. */
final class WhisperAudio {

    /**
     * whisper.cpp returns nothing for input under one second ("input is too short", whisper_full), which would lose
     * the shortest and most common answers ("כן", "לא"); such utterances are padded with silence to this length.
     */
    static final int MIN_SAMPLES = WhisperEngine.SAMPLE_RATE_HZ * 11 / 10;

    private WhisperAudio() {
    }

    /** Whisper's input for {@code ulaw[0, len)}; at least {@link #MIN_SAMPLES} long, silence-padded. */
    static float[] fromMulaw(byte[] ulaw, int len) {
        short[] pcm8k = new short[len];
        G711.decode(ulaw, 0, pcm8k, 0, len);
        Resampler resampler = Resampler.create(Telephony.SAMPLE_RATE_HZ, WhisperEngine.SAMPLE_RATE_HZ);
        short[] pcm16k = new short[resampler.maxOutput(len) + resampler.maxFlushOutput()];
        int n = resampler.process(pcm8k, 0, len, pcm16k, 0);
        n += resampler.flush(pcm16k, n);
        float[] samples = new float[Math.max(n, MIN_SAMPLES)];
        for (int i = 0; i < n; i++) {
            samples[i] = pcm16k[i] / 32768f;
        }
        return samples;
    }
}
