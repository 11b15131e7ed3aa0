package kol.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import kol.audio.G711;
import kol.audio.Resampler;
import kol.audio.Telephony;
import kol.audio.Wav;
import kol.audio.WavAudio;

/** What the simulated caller says: any WAV the audio package reads, as 8 kHz mono μ-law like a phone line. */
public final class CallerAudio {

    private CallerAudio() {
    }

    /** Reads {@code file} and converts it to 8 kHz mono μ-law. */
    public static byte[] load(Path file) throws IOException {
        return toTelephony(Wav.read(file));
    }

    /** μ-law at 8 kHz mono as is; anything else mixed down to mono, resampled to 8 kHz and μ-law encoded. */
    public static byte[] toTelephony(WavAudio audio) {
        if (audio.encoding() == WavAudio.Encoding.MULAW && audio.channels() == 1
                && audio.sampleRateHz() == Telephony.SAMPLE_RATE_HZ) {
            return audio.data();
        }
        short[] pcm = audio.pcm16Mono();
        if (audio.sampleRateHz() != Telephony.SAMPLE_RATE_HZ) {
            Resampler resampler = Resampler.toTelephony(audio.sampleRateHz());
            short[] out = new short[resampler.maxOutput(pcm.length) + resampler.maxFlushOutput()];
            int written = resampler.process(pcm, 0, pcm.length, out, 0);
            written += resampler.flush(out, written);
            pcm = Arrays.copyOf(out, written);
        }
        byte[] muLaw = new byte[pcm.length];
        G711.encode(pcm, 0, muLaw, 0, pcm.length);
        return muLaw;
    }
}
