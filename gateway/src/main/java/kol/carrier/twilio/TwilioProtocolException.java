package kol.carrier.twilio;

/** An inbound Media Streams message Kol cannot use; the message says what was wrong, never the payload. */
public final class TwilioProtocolException extends Exception {
    public TwilioProtocolException(String reason) {
        super(reason, null, false, false);
    }
}
