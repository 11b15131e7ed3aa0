package kol.provider.google;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Caller audio whose every stretch can be recognised and located: utterances are loud μ-law codes that begin with a
 * header naming the utterance and its length, silences are near-zero codes drawn at random. No code is both loud and
 * quiet, so an utterance's edges are exact; and random content makes any 64 bytes of a call unique, so a stretch of
 * audio a server received can be found, byte for byte, in the call it came from.
 */
final class CallAudio {
    static final int BYTES_PER_MS = 8;
    static final int HEADER_BYTES = 8;
    /** μ-law codes within a few steps of zero. */
    private static final byte[] QUIET = {(byte) 0xFF, (byte) 0xFE, (byte) 0x7F, (byte) 0x7E};

    private CallAudio() {
    }

    /** A code of the top μ-law segments (|sample| ≥ ~4000); the quiet codes are in the bottom one. */
    static boolean loud(byte code) {
        int segment = ((~code & 0xFF) >> 4) & 7;
        return segment >= 4;
    }

    static byte[] silence(int ms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] out = new byte[ms * BYTES_PER_MS];
        for (int i = 0; i < out.length; i++) {
            out[i] = QUIET[random.nextInt(QUIET.length)];
        }
        return out;
    }

    /**
     * Utterance {@code n}, {@code lengthMs} long: a header of eight codes 0x00–0x0F (four nibbles of n, four of the
     * length in 100 ms units), then loud codes drawn from a generator seeded by n.
     */
    static byte[] utterance(int n, int lengthMs) {
        if (lengthMs % 100 != 0 || lengthMs < 100 || n > 0xFFFF) {
            throw new IllegalArgumentException("utterance " + n + " of " + lengthMs + " ms");
        }
        byte[] out = new byte[lengthMs * BYTES_PER_MS];
        int tenths = lengthMs / 100;
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) ((n >> (12 - 4 * i)) & 0xF);
            out[4 + i] = (byte) ((tenths >> (12 - 4 * i)) & 0xF);
        }
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + n);
        for (int i = HEADER_BYTES; i < out.length; i++) {
            int code = random.nextInt(32);
            out[i] = (byte) (code < 16 ? code : 0x80 + code - 16);
        }
        return out;
    }

    /** The utterance number in the header at {@code from}, or -1 when there is no header there. */
    static int number(byte[] audio, int from, int to) {
        return header(audio, from, to, 0);
    }

    /** Which utterance {@code audio[from, to)} is, whole and exact, or -1. */
    static int identify(byte[] audio, int from, int to) {
        int n = header(audio, from, to, 0);
        int tenths = header(audio, from, to, 4);
        if (n < 0 || tenths <= 0 || to - from != tenths * 100 * BYTES_PER_MS) {
            return -1;
        }
        return Arrays.equals(audio, from, to, utterance(n, tenths * 100), 0, to - from) ? n : -1;
    }

    private static int header(byte[] audio, int from, int to, int at) {
        if (to - from < HEADER_BYTES) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int code = audio[from + at + i];
            if (code < 0 || code > 0xF) {
                return -1;
            }
            value = value << 4 | code;
        }
        return value;
    }
}
