package kol.audio;

/** Whole-clip conversions to what a phone call carries: 8 kHz mono μ-law. */
public final class TelephonyAudio {
    private TelephonyAudio() {
    }

    /** {@code audio} (PCM16 or μ-law, mono or stereo, any rate) as 8 kHz mono μ-law. */
    public static byte[] toMuLaw8k(WavAudio audio) {
        if (audio.encoding() == WavAudio.Encoding.MULAW && audio.channels() == 1
                && audio.sampleRateHz() == Telephony.SAMPLE_RATE_HZ) {
            return audio.data().clone();
        }
        short[] pcm = audio.pcm16Mono();
        if (audio.sampleRateHz() != Telephony.SAMPLE_RATE_HZ) {
            pcm = resample(pcm, audio.sampleRateHz());
        }
        return Tones.muLaw(pcm);
    }

    /** {@code pcm} at {@code rateHz} resampled to 8 kHz, filter tail included. */
    public static short[] resample(short[] pcm, int rateHz) {
        Resampler resampler = Resampler.create(rateHz, Telephony.SAMPLE_RATE_HZ);
        short[] out = new short[resampler.maxOutput(pcm.length) + resampler.maxFlushOutput()];
        int n = resampler.process(pcm, 0, pcm.length, out, 0);
        n += resampler.flush(out, n);
        return java.util.Arrays.copyOf(out, n);
    }
}
