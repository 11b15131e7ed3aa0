package kol.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import kol.audio.Telephony;

/**
 * The messages Twilio sends on a Media Stream, shaped exactly as its documentation shows them: {@code connected},
 * {@code start}, {@code media}, {@code dtmf}, {@code mark} (an echo) and {@code stop}. {@code sequenceNumber},
 * {@code chunk} and {@code timestamp} are JSON strings; {@code start} takes sequence number 1 and every later
 * message the next one.
 *
 * <p>One per call, one owner thread (it counts the sequence). {@link #media} runs 50 times a second per call, so
 * it builds the frame's bytes by hand: constant pieces, the three counters' digits, the payload base64-encoded, and
 * a suffix fixed per call, in one reused array copied out once. The other messages are rare and go through
 * {@link JsonObject}.
 */
final class CallerMessages {
    private static final byte[] MEDIA_PREFIX = ascii("{\"event\":\"media\",\"sequenceNumber\":\"");
    private static final byte[] MEDIA_CHUNK = ascii("\",\"media\":{\"track\":\"inbound\",\"chunk\":\"");
    private static final byte[] MEDIA_TIMESTAMP = ascii("\",\"timestamp\":\"");
    private static final byte[] MEDIA_PAYLOAD = ascii("\",\"payload\":\"");
    /** Base64 length of one 160-byte frame: 4 characters per 3 bytes, the last group padded. */
    private static final int FRAME_BASE64_CHARS = 4 * ((Telephony.FRAME_BYTES + 2) / 3);

    private final String accountSid;
    private final String callSid;
    private final String streamSid;
    private final Base64.Encoder base64 = Base64.getEncoder();
    private final byte[] mediaSuffix;
    /** {@link #media} takes frames of up to {@link Telephony#FRAME_BYTES}. */
    private final byte[] payload = new byte[FRAME_BASE64_CHARS];
    /** A media message being built; the stream id is at most a few dozen bytes. */
    private final byte[] text;
    private long sequence;
    private long chunk;

    CallerMessages(String accountSid, String callSid, String streamSid) {
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.streamSid = streamSid;
        this.mediaSuffix = ("\"},\"streamSid\":\"" + streamSid + "\"}").getBytes(StandardCharsets.UTF_8);
        this.text = new byte[256 + FRAME_BASE64_CHARS + mediaSuffix.length];
    }

    String streamSid() {
        return streamSid;
    }

    String callSid() {
        return callSid;
    }

    /** Messages sent so far that carry a sequence number. */
    long sequence() {
        return sequence;
    }

    static String connected() {
        return new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0").encode();
    }

    String start(Map<String, String> customParameters) {
        JsonObject start = new JsonObject()
                .put("accountSid", accountSid)
                .put("streamSid", streamSid)
                .put("callSid", callSid)
                .put("tracks", new JsonArray().add("inbound"))
                .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw")
                        .put("sampleRate", Telephony.SAMPLE_RATE_HZ).put("channels", 1))
                .put("customParameters", new JsonObject(Map.copyOf(customParameters)));
        return new JsonObject().put("event", "start").put("sequenceNumber", nextSequence()).put("start", start)
                .put("streamSid", streamSid).encode();
    }

    /**
     * One frame of caller audio, as the UTF-8 bytes of a text frame; its timestamp is the frame's place in the
     * stream, {@code (chunk - 1) × 20 ms}.
     */
    byte[] media(byte[] frame) {
        long timestampMs = chunk * Telephony.FRAME_MS;
        chunk++;
        int n = put(MEDIA_PREFIX, 0);
        n = putDigits(++sequence, n);
        n = put(MEDIA_CHUNK, n);
        n = putDigits(chunk, n);
        n = put(MEDIA_TIMESTAMP, n);
        n = putDigits(timestampMs, n);
        n = put(MEDIA_PAYLOAD, n);
        int length = base64.encode(frame, payload);
        System.arraycopy(payload, 0, text, n, length);
        n = put(mediaSuffix, n + length);
        return Arrays.copyOf(text, n);
    }

    private int put(byte[] ascii, int at) {
        System.arraycopy(ascii, 0, text, at, ascii.length);
        return at + ascii.length;
    }

    private int putDigits(long value, int at) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    String dtmf(char digit) {
        return new JsonObject().put("event", "dtmf").put("streamSid", streamSid).put("sequenceNumber", nextSequence())
                .put("dtmf", new JsonObject().put("track", "inbound_track").put("digit", String.valueOf(digit)))
                .encode();
    }

    /** The echo of a mark the server sent, once the audio before it has played (or was cleared). */
    String mark(String name) {
        return new JsonObject().put("event", "mark").put("sequenceNumber", nextSequence()).put("streamSid", streamSid)
                .put("mark", new JsonObject().put("name", name)).encode();
    }

    String stop() {
        return new JsonObject().put("event", "stop").put("sequenceNumber", nextSequence())
                .put("stop", new JsonObject().put("accountSid", accountSid).put("callSid", callSid))
                .put("streamSid", streamSid).encode();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private String nextSequence() {
        return Long.toString(++sequence);
    }
}
