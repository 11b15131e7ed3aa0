package kol.carrier.twilio;

/**
 * Standard Base64 (RFC 4648, with padding) from a message's bytes and into them: the Twilio media path decodes and
 * encodes every 20 ms per call, on both ends (Kol and the caller simulator), and the JDK's codec would cost a copy
 * and an allocation per frame. Strict: anything but the alphabet and final padding is an error.
 */
public final class Base64Chars {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final byte[] ASCII = new byte[ALPHABET.length];
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
            ASCII[i] = (byte) ALPHABET[i];
        }
    }

    private Base64Chars() {
    }

    /** Bytes that {@code charCount} Base64 characters can hold at most. */
    public static int maxDecodedBytes(int charCount) {
        return charCount / 4 * 3;
    }

    /**
     * Decodes the ASCII text {@code src[off..off+len)} into {@code dst} (which must hold
     * {@link #maxDecodedBytes(int)}); returns the number of bytes, or -1 when the text is not valid Base64.
     */
    public static int decode(byte[] src, int off, int len, byte[] dst) {
        if (len % 4 != 0) {
            return -1;
        }
        int out = 0;
        int end = off + len;
        for (int i = off; i < end; i += 4) {
            int a = value(src[i]);
            int b = value(src[i + 1]);
            if (a < 0 || b < 0) {
                return -1;
            }
            byte c3 = src[i + 2];
            byte c4 = src[i + 3];
            boolean last = i + 4 == end;
            if (c3 == '=') {
                if (!last || c4 != '=') {
                    return -1;
                }
                dst[out++] = (byte) (a << 2 | b >> 4);
                return out;
            }
            int c = value(c3);
            if (c < 0) {
                return -1;
            }
            if (c4 == '=') {
                if (!last) {
                    return -1;
                }
                dst[out++] = (byte) (a << 2 | b >> 4);
                dst[out++] = (byte) (b << 4 | c >> 2);
                return out;
            }
            int d = value(c4);
            if (d < 0) {
                return -1;
            }
            dst[out++] = (byte) (a << 2 | b >> 4);
            dst[out++] = (byte) (b << 4 | c >> 2);
            dst[out++] = (byte) (c << 6 | d);
        }
        return out;
    }

    /** Characters the Base64 of {@code byteCount} bytes takes, padding included. */
    static int encodedLength(int byteCount) {
        return (byteCount + 2) / 3 * 4;
    }

    /**
     * Writes the Base64 of {@code src[off..off+len)} as ASCII bytes into {@code dst} from {@code at}; returns the index
     * after the last one written ({@code at + encodedLength(len)}).
     */
    static int encode(byte[] src, int off, int len, byte[] dst, int at) {
        int end = off + len;
        int i = off;
        int o = at;
        for (; i + 3 <= end; i += 3) {
            int n = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            dst[o++] = ASCII[n >>> 18];
            dst[o++] = ASCII[n >>> 12 & 63];
            dst[o++] = ASCII[n >>> 6 & 63];
            dst[o++] = ASCII[n & 63];
        }
        int rest = end - i;
        if (rest > 0) {
            int n = (src[i] & 0xFF) << 16 | (rest == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            dst[o++] = ASCII[n >>> 18];
            dst[o++] = ASCII[n >>> 12 & 63];
            dst[o++] = rest == 2 ? ASCII[n >>> 6 & 63] : (byte) '=';
            dst[o++] = '=';
        }
        return o;
    }

    private static int value(byte c) {
        return c >= 0 ? VALUES[c] : -1;
    }
}
