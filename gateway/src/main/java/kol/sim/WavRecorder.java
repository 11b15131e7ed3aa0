package kol.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import kol.audio.G711;
import kol.audio.Telephony;
import kol.audio.WavAudio;
import kol.audio.WavWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leg of a simulated call written to a μ-law 8 kHz WAV as it happens. A write error stops the recording
 * (logged once) but not the call: the call's measurements matter more than its recording.
 *
 * <p>One owner thread: the call's event loop.
 */
final class WavRecorder implements PlayoutSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WavRecorder.class);
    private static final byte[] SILENCE = new byte[Telephony.FRAME_BYTES * 50];

    static {
        Arrays.fill(SILENCE, G711.SILENCE);
    }

    private final Path file;
    private WavWriter writer;

    private WavRecorder(Path file, WavWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates (or truncates) {@code file}; null when {@code file} is null. */
    static WavRecorder create(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        return new WavRecorder(file, WavWriter.create(file, Telephony.SAMPLE_RATE_HZ, WavAudio.Encoding.MULAW, 1));
    }

    @Override
    public void play(byte[] muLaw, int off, int len) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(muLaw, off, len);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void silence(long samples) {
        long left = samples;
        while (left > 0 && writer != null) {
            int n = (int) Math.min(left, SILENCE.length);
            play(SILENCE, 0, n);
            left -= n;
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            fail(e);
        }
        writer = null;
    }

    private void fail(IOException e) {
        LOG.warn("recording to {} stopped: {}", file, e.getMessage());
        try {
            writer.close();
        } catch (IOException ignored) {
            // Already failing; the first error is the one reported.
        }
        writer = null;
    }
}
