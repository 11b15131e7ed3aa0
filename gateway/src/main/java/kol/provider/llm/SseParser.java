package kol.provider.llm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a server-sent event stream as it arrives, in pieces of any size, and hands on each complete event.
 *
 * <p>Follows the WHATWG SSE parsing rules the provider SDKs implement (openai-python {@code SSEDecoder},
 * PROTOCOLS.md §8.1): lines end with CRLF, LF or CR; an event ends at a blank line; several {@code data:} lines join
 * with a newline; lines starting with {@code :} are comments (keep-alives) and are dropped; {@code id} and
 * {@code retry} are not needed and are ignored. An event still open when the stream ends is never dispatched.
 *
 * <p>Lines are split on bytes and only then decoded: CR and LF never occur inside a UTF-8 multi-byte sequence, so a
 * Hebrew letter split across two reads is put back together for free.
 *
 * <p>Not thread-safe: one reader per stream, fed by the thread that receives it.
 */
public final class SseParser {
    /** The event type the SSE spec gives an event without an {@code event:} line. */
    public static final String DEFAULT_TYPE = "message";

    private final Handler handler;
    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type = DEFAULT_TYPE;

    /** Receives each complete event. */
    @FunctionalInterface
    public interface Handler {
        /**
         * One event.
         *
         * @param type the {@code event:} name, or {@link #DEFAULT_TYPE}
         * @param data the {@code data:} lines joined with newlines
         */
        void onEvent(String type, String data);
    }

    /** {@code maxLineBytes} bounds the memory one line may take, against a server that never ends a line. */
    public SseParser(Handler handler, int maxLineBytes) {
        this.handler = handler;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads everything remaining in {@code bytes}. */
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                if (afterCr) {
                    afterCr = false;
                } else {
                    endLine();
                }
            } else if (b == '\r') {
                afterCr = true;
                endLine();
            } else {
                afterCr = false;
                append(b);
            }
        }
    }

    /** Reads {@code text} as UTF-8 (for tests and callers that already hold text). */
    public void feed(String text) {
        feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            if (lineLength >= maxLineBytes) {
                throw new IllegalStateException("an event-stream line is longer than " + maxLineBytes + " bytes");
            }
            line = Arrays.copyOf(line, Math.min(maxLineBytes, lineLength * 2));
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            type = value.isEmpty() ? DEFAULT_TYPE : value;
        }
    }

    private void dispatch() {
        if (hasData) {
            handler.onEvent(type, data.toString());
        }
        data.setLength(0);
        hasData = false;
        type = DEFAULT_TYPE;
    }
}
