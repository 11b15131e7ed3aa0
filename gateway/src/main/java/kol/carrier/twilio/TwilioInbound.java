package kol.carrier.twilio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kol.base.JsonReader;

/**
 * One parsed inbound Media Streams message. A session reuses one instance for every message of its stream, so the
 * 50-per-second media path allocates no event object; the media payload is decoded into a reused buffer.
 *
 * <p>Confined to the session's event loop.
 */
public final class TwilioInbound {
    /** The events Twilio sends on a bidirectional stream. */
    public enum Event { CONNECTED, START, MEDIA, DTMF, MARK, STOP, UNKNOWN }

    Event event;
    String eventName;
    String streamSid;
    long sequenceNumber;

    // start
    String accountSid;
    String callSid;
    String startStreamSid;
    final List<String> tracks = new ArrayList<>();
    final Map<String, String> customParameters = new LinkedHashMap<>();
    String encoding;
    int sampleRateHz;
    int channels;
    boolean hasMediaFormat;

    // media
    String track;
    long chunk;
    long timestampMs;
    byte[] payload = new byte[640];
    int payloadLength;

    /** The reader of this stream's messages, and values kept across them so a repeated one is not a new String. */
    final JsonReader json = new JsonReader();
    String knownStreamSid;
    String knownTrack;

    // dtmf / mark
    String digit;
    String markName;

    void reset() {
        event = null;
        eventName = null;
        streamSid = null;
        sequenceNumber = -1;
        accountSid = null;
        callSid = null;
        startStreamSid = null;
        tracks.clear();
        customParameters.clear();
        encoding = null;
        sampleRateHz = -1;
        channels = -1;
        hasMediaFormat = false;
        track = null;
        chunk = -1;
        timestampMs = -1;
        payloadLength = -1;
        digit = null;
        markName = null;
    }

    public Event event() {
        return event;
    }

    /** The event name as sent (for unknown events). */
    public String eventName() {
        return eventName;
    }

    public String streamSid() {
        return streamSid != null ? streamSid : startStreamSid;
    }

    /** Twilio's message counter, or -1 when absent. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    public String accountSid() {
        return accountSid;
    }

    public String callSid() {
        return callSid;
    }

    public List<String> tracks() {
        return tracks;
    }

    public Map<String, String> customParameters() {
        return customParameters;
    }

    public String encoding() {
        return encoding;
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public int channels() {
        return channels;
    }

    /** Media chunk counter (starts at 1), or -1. */
    public long chunk() {
        return chunk;
    }

    /** Media timestamp: ms since the stream started, or -1. */
    public long timestampMs() {
        return timestampMs;
    }

    /** The decoded μ-law payload; valid until the next message is parsed. */
    public byte[] payload() {
        return payload;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public String digit() {
        return digit;
    }

    public String markName() {
        return markName;
    }
}
