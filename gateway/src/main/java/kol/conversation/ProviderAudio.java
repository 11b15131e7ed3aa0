package kol.conversation;

import kol.audio.G711;
import kol.audio.Resampler;
import kol.audio.Telephony;
import kol.provider.AudioFormat;

/**
 * Turns a provider's audio (PCM16 at its own rate, or 8 kHz μ-law) into 8 kHz μ-law, chunk by chunk, whatever the
 * chunk boundaries (a chunk may end in the middle of a 16-bit sample). One instance per synthesis; one thread.
 */
final class ProviderAudio {
    private final AudioFormat format;
    private final Resampler resampler;
    private short[] pcm = new short[2048];
    private short[] resampled = new short[2048];
    private byte[] ulaw = new byte[2048];
    private int carry = -1;

    ProviderAudio(AudioFormat format) {
        this.format = format;
        this.resampler = format.encoding() == AudioFormat.Encoding.PCM16_LE
                && format.sampleRateHz() != Telephony.SAMPLE_RATE_HZ
                ? Resampler.create(format.sampleRateHz(), Telephony.SAMPLE_RATE_HZ) : null;
        if (format.encoding() == AudioFormat.Encoding.MULAW && format.sampleRateHz() != Telephony.SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("μ-law audio must be 8 kHz, got " + format.sampleRateHz() + " Hz");
        }
    }

    /** Converts {@code chunk[off..off+len)} and writes the μ-law to {@code out}. */
    void convert(byte[] chunk, int off, int len, MuLawStream out) {
        if (format.encoding() == AudioFormat.Encoding.MULAW) {
            out.write(chunk, off, len);
            return;
        }
        int samples = (len + (carry >= 0 ? 1 : 0)) / 2;
        if (pcm.length < samples) {
            pcm = new short[samples * 2];
        }
        int n = 0;
        int i = off;
        int end = off + len;
        if (carry >= 0 && i < end) {
            pcm[n++] = (short) ((chunk[i++] << 8) | carry);
            carry = -1;
        }
        for (; i + 1 < end; i += 2) {
            pcm[n++] = (short) ((chunk[i + 1] << 8) | (chunk[i] & 0xFF));
        }
        if (i < end) {
            carry = chunk[i] & 0xFF;
        }
        emit(pcm, n, out, false);
    }

    /** The synthesis ended: flushes the resampler's tail. */
    void finish(MuLawStream out) {
        emit(pcm, 0, out, true);
    }

    private void emit(short[] samples, int n, MuLawStream out, boolean last) {
        short[] source = samples;
        int count = n;
        if (resampler != null) {
            int max = resampler.maxOutput(n) + (last ? resampler.maxFlushOutput() : 0);
            if (resampled.length < max) {
                resampled = new short[max * 2];
            }
            count = resampler.process(samples, 0, n, resampled, 0);
            if (last) {
                count += resampler.flush(resampled, count);
            }
            source = resampled;
        }
        if (count == 0) {
            return;
        }
        if (ulaw.length < count) {
            ulaw = new byte[count * 2];
        }
        G711.encode(source, 0, ulaw, 0, count);
        out.write(ulaw, 0, count);
    }
}
