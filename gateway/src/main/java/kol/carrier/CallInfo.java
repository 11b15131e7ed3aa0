package kol.carrier;

import java.util.Map;

/**
 * Who and what a call is, as the carrier announced it.
 *
 * @param callId the id Kol logs the call under (Twilio: the CallSid)
 * @param streamId the carrier's media stream id (Twilio: the streamSid)
 * @param accountId the carrier account (Twilio: the AccountSid)
 * @param from the caller's number, when the carrier passed it
 * @param to the called number, when the carrier passed it
 * @param parameters every custom parameter the carrier passed (Twilio: the TwiML Parameters)
 */
public record CallInfo(String callId, String streamId, String accountId, String from, String to,
        Map<String, String> parameters) {

    public CallInfo {
        parameters = Map.copyOf(parameters);
    }
}
