package kol.carrier.twilio;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Whole WebSocket messages from a socket's frames, for both ends of a Media Stream (Kol and the caller simulator).
 * A text message is handed over as the frame's own UTF-8 bytes, with no String made of it: fifty arrive a second per
 * call. A message in fragments is put together first, within a size limit. Ping, pong and close frames are Vert.x's
 * to answer, and a continuation of nothing is a protocol error Netty closes the connection for.
 *
 * <p>One per socket, on its event loop.
 */
public final class WebSocketMessages {

    /** Where the messages go. */
    public interface Receiver {
        /** A text message: its UTF-8 bytes {@code utf8[offset, offset + length)}, valid during the call only. */
        void onText(byte[] utf8, int offset, int length);

        /** A binary message of {@code length} bytes (Media Streams carry none). */
        void onBinary(int length);

        /** A message in fragments grew over the limit; it was dropped. */
        void onTooBig(int maxMessageBytes);
    }

    private final int maxMessageBytes;
    private final Receiver receiver;
    /** A message arriving in fragments, until its final frame; null otherwise. */
    private Buffer fragments;
    private boolean fragmentsAreText;

    public WebSocketMessages(int maxMessageBytes, Receiver receiver) {
        this.maxMessageBytes = maxMessageBytes;
        this.receiver = receiver;
    }

    /** Takes the socket's next frame. */
    public void onFrame(WebSocketFrame frame) {
        switch (frame.type()) {
            case TEXT, BINARY -> {
                boolean text = frame.type() == WebSocketFrameType.TEXT;
                fragments = null;
                if (frame.isFinal()) {
                    deliver(text, frame.binaryData());
                } else {
                    fragmentsAreText = text;
                    fragments = Buffer.buffer().appendBuffer(frame.binaryData());
                }
            }
            case CONTINUATION -> {
                if (fragments == null) {
                    return;
                }
                fragments.appendBuffer(frame.binaryData());
                if (fragments.length() > maxMessageBytes) {
                    fragments = null;
                    receiver.onTooBig(maxMessageBytes);
                } else if (frame.isFinal()) {
                    Buffer whole = fragments;
                    fragments = null;
                    deliver(fragmentsAreText, whole);
                }
            }
            default -> {
            }
        }
    }

    private void deliver(boolean text, Buffer data) {
        if (!text) {
            receiver.onBinary(data.length());
            return;
        }
        // Vert.x's own buffer hands over its ByteBuf as it is; getByteBuf() would wrap it twice per message.
        ByteBuf bytes = data instanceof BufferImpl buffer ? buffer.byteBuf() : ((BufferInternal) data).getByteBuf();
        if (bytes.hasArray()) {
            receiver.onText(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
        } else {
            byte[] copy = data.getBytes();
            receiver.onText(copy, 0, copy.length);
        }
    }
}
