package kol.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a WAV file as the audio arrives, e.g. a call recording: the header goes out first with
 * placeholder sizes ({@code 0xFFFFFFFF}, read as "to end of file" by {@link Wav} and common tools, so a
 * crash still leaves a playable file), data is appended through one reused buffer, and {@link #flush} and
 * {@link #close} patch the real sizes in.
 *
 * <p>One owner thread. Appending allocates nothing; a write reaches the channel when the buffer fills,
 * on {@link #flush} or on {@link #close}.
 */
public final class WavWriter implements Closeable {

    private static final int BUFFER_BYTES = 8192;

    private final SeekableByteChannel channel;
    private final int sampleRateHz;
    private final WavAudio.Encoding encoding;
    private final int channels;
    private final long dataStart;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer patch = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    private WavWriter(SeekableByteChannel channel, int sampleRateHz, WavAudio.Encoding encoding, int channels)
            throws IOException {
        if (sampleRateHz <= 0 || (channels != 1 && channels != 2)) {
            throw new IllegalArgumentException("WAV writer needs a positive rate and 1 or 2 channels, was "
                    + sampleRateHz + " Hz, " + channels + " channels");
        }
        this.channel = channel;
        this.sampleRateHz = sampleRateHz;
        this.encoding = encoding;
        this.channels = channels;
        this.dataStart = channel.position() + WavHeader.bytes(encoding);
        WavHeader.put(buffer, sampleRateHz, encoding, channels, WavHeader.UNKNOWN_SIZE);
        drain();
    }

    /** Creates (or truncates) {@code file} and writes the header. */
    public static WavWriter create(Path file, int sampleRateHz, WavAudio.Encoding encoding, int channels)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new WavWriter(channel, sampleRateHz, encoding, channels);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes at the channel's position; the writer owns the channel from now on and closes it. */
    public static WavWriter open(SeekableByteChannel channel, int sampleRateHz, WavAudio.Encoding encoding,
            int channels) throws IOException {
        return new WavWriter(channel, sampleRateHz, encoding, channels);
    }

    public WavAudio.Encoding encoding() {
        return encoding;
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public int channels() {
        return channels;
    }

    /** Data bytes appended so far, buffered or not. */
    public long dataBytes() {
        return dataBytes;
    }

    /** Appends bytes already in the file's encoding (μ-law codes, or little-endian PCM16). */
    public void write(byte[] data, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        ensureOpen();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int take = Math.min(end - pos, buffer.remaining());
            buffer.put(data, pos, take);
            pos += take;
        }
        dataBytes += len;
    }

    /** Appends PCM16 samples (interleaved if stereo), μ-law encoding them for a μ-law file. */
    public void writeSamples(short[] pcm, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, pcm.length);
        ensureOpen();
        for (int i = off; i < off + len; i++) {
            if (buffer.remaining() < 2) {
                drain();
            }
            if (encoding == WavAudio.Encoding.MULAW) {
                buffer.put(G711.encode(pcm[i]));
            } else {
                buffer.putShort(pcm[i]);
            }
        }
        dataBytes += (long) len * encoding.bytesPerSample();
    }

    /** Writes out buffered data and patches the header sizes, so the file on disk is complete as of now. */
    public void flush() throws IOException {
        ensureOpen();
        drain();
        long end = channel.position();
        patchSizes();
        channel.position(end);
    }

    /** Pads odd-length data as RIFF requires, patches the sizes and closes the channel. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            if ((dataBytes & 1) != 0) {
                buffer.put((byte) 0);
            }
            drain();
            patchSizes();
        }
    }

    private void patchSizes() throws IOException {
        if (dataBytes > 0xFFFF_FFFFL - WavHeader.bytes(encoding)) {
            return; // beyond 4 GiB the placeholders are the only honest sizes
        }
        long headerStart = dataStart - WavHeader.bytes(encoding);
        putUnsignedInt(headerStart + WavHeader.RIFF_SIZE_OFFSET, WavHeader.riffSize(encoding, dataBytes));
        int factOffset = WavHeader.factOffset(encoding);
        if (factOffset >= 0) {
            putUnsignedInt(headerStart + factOffset, dataBytes / ((long) channels * encoding.bytesPerSample()));
        }
        putUnsignedInt(headerStart + WavHeader.dataSizeOffset(encoding), dataBytes);
    }

    private void putUnsignedInt(long position, long value) throws IOException {
        patch.clear();
        patch.putInt((int) value).flip();
        channel.position(position);
        while (patch.hasRemaining()) {
            channel.write(patch);
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("WAV writer is closed");
        }
    }
}
