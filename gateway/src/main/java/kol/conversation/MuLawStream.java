package kol.conversation;

import java.util.Arrays;
import kol.audio.G711;
import kol.tx.Frame;

/**
 * A growing buffer of 8 kHz μ-law between a text-to-speech provider (which writes as fast as it synthesises) and the
 * pump that feeds the TX queue at real time. Thread-safe: one writer, one reader.
 */
final class MuLawStream {
    private byte[] data = new byte[8000];
    private int readPos;
    private int writePos;
    private boolean finished;

    synchronized void write(byte[] ulaw, int off, int len) {
        if (writePos + len > data.length) {
            int live = writePos - readPos;
            if (live + len <= data.length / 2) {
                System.arraycopy(data, readPos, data, 0, live);
            } else {
                data = Arrays.copyOfRange(data, readPos, readPos + Math.max(data.length * 2, live + len));
            }
            readPos = 0;
            writePos = live;
        }
        System.arraycopy(ulaw, off, data, writePos, len);
        writePos += len;
    }

    /** No more audio will be written. */
    synchronized void finish() {
        finished = true;
    }

    synchronized boolean isFinished() {
        return finished;
    }

    /**
     * Takes the next whole frame into {@code frame}. When the stream is finished and less than a frame is left,
     * takes the rest padded with μ-law silence. Returns false when no frame can be taken (yet).
     */
    synchronized boolean takeFrame(byte[] frame) {
        int available = writePos - readPos;
        if (available >= Frame.MEDIA_BYTES) {
            System.arraycopy(data, readPos, frame, 0, Frame.MEDIA_BYTES);
            readPos += Frame.MEDIA_BYTES;
            return true;
        }
        if (finished && available > 0) {
            System.arraycopy(data, readPos, frame, 0, available);
            Arrays.fill(frame, available, Frame.MEDIA_BYTES, G711.SILENCE);
            readPos = writePos;
            return true;
        }
        return false;
    }

    /** True when everything written has been taken and no more will come. */
    synchronized boolean isDrained() {
        return finished && readPos == writePos;
    }
}
