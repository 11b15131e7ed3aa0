package kol.sim;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.Map;
import kol.carrier.twilio.TwilioSignature;

/**
 * The voice webhook as Twilio calls it when a call comes in: a form POST, signed with {@code X-Twilio-Signature}
 * when the auth token is known, answered with TwiML naming the Media Stream.
 */
final class Webhook {
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private Webhook() {
    }

    /** The form Twilio posts for an inbound call that is ringing. */
    static Map<String, String> params(String accountSid, String callSid, String from, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("CallSid", callSid);
        params.put("From", from);
        params.put("To", to);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** POSTs {@code params} to {@code url} and reads the stream out of the TwiML answer. */
    static Future<StreamTarget> post(WebClient client, String url, Map<String, String> params,
            TwilioSignature signature, long timeoutMs) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        var request = client.postAbs(url).timeout(timeoutMs).putHeader("User-Agent", "TwilioProxy/1.1");
        if (signature != null) {
            request.putHeader(SIGNATURE_HEADER, signature.sign(url, params));
        }
        return request.sendForm(form)
                .recover(e -> Future.failedFuture(new SimFailure("cannot reach the webhook " + url + ": "
                        + SimFailure.describe(e))))
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new SimFailure("the webhook " + url + " answered HTTP "
                                + response.statusCode() + " " + response.statusMessage()
                                + SimFailure.tokenHint(response.statusCode())));
                    }
                    try {
                        return Future.succeededFuture(Twiml.streamTarget(response.bodyAsString(), url));
                    } catch (IllegalArgumentException e) {
                        return Future.failedFuture(new SimFailure("the webhook " + url + " answered, but "
                                + e.getMessage()));
                    }
                });
    }
}
