package kol.tx;

import java.util.Arrays;

/** Media frames whose first two bytes say which frame they are, so order and identity can be checked. */
final class TestFrames {
    private TestFrames() {
    }

    static byte[] numbered(int n) {
        byte[] payload = new byte[Frame.MEDIA_BYTES];
        Arrays.fill(payload, (byte) 0x55);
        payload[0] = (byte) (n >> 8);
        payload[1] = (byte) n;
        return payload;
    }

    static Frame media(int n) {
        return Frame.media(numbered(n));
    }

    static int number(Frame media) {
        byte[] p = media.payload();
        return ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
    }
}
