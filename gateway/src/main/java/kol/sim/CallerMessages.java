package kol.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
 * it builds its text by hand: a constant prefix, the three counters, the payload base64-encoded into a reused
 * array, and a suffix fixed per call, all in one reused builder. The other messages are rare and go through
 * {@link JsonObject}.
 */
final class CallerMessages {
    private static final String MEDIA_PREFIX = "{\"event\":\"media\",\"sequenceNumber\":\"";
    /** Base64 length of one 160-byte frame: 4 characters per 3 bytes, the last group padded. */
    private static final int FRAME_BASE64_CHARS = 4 * ((Telephony.FRAME_BYTES + 2) / 3);

    private final String accountSid;
    private final String callSid;
    private final String streamSid;
    private final Base64.Encoder base64 = Base64.getEncoder();
    private final String mediaSuffix;
    /** {@link #media} takes frames of up to {@link Telephony#FRAME_BYTES}. */
    private final byte[] payload = new byte[FRAME_BASE64_CHARS];
    private final StringBuilder text = new StringBuilder(512);
    private long sequence;
    private long chunk;

    CallerMessages(String accountSid, String callSid, String streamSid) {
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.streamSid = streamSid;
        this.mediaSuffix = "\"},\"streamSid\":\"" + streamSid + "\"}";
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

    /** One frame of caller audio; its timestamp is the frame's place in the stream, {@code (chunk - 1) × 20 ms}. */
    String media(byte[] frame) {
        long timestampMs = chunk * Telephony.FRAME_MS;
        chunk++;
        text.setLength(0);
        text.append(MEDIA_PREFIX).append(++sequence)
                .append("\",\"media\":{\"track\":\"inbound\",\"chunk\":\"").append(chunk)
                .append("\",\"timestamp\":\"").append(timestampMs)
                .append("\",\"payload\":\"");
        // Base64 is ASCII, so ISO-8859-1 maps each byte to its char: one bulk copy. Appending char by char took
        // 14 % of the simulator's CPU at 1,000 calls.
        int length = base64.encode(frame, payload);
        return text.append(new String(payload, 0, length, StandardCharsets.ISO_8859_1)).append(mediaSuffix)
                .toString();
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

    private String nextSequence() {
        return Long.toString(++sequence);
    }
}
