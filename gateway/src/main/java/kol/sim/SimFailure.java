package kol.sim;

import io.vertx.core.http.UpgradeRejectedException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** A call that could not start, with a message written for the person at the terminal. */
final class SimFailure extends RuntimeException {

    SimFailure(String message) {
        super(message, null, false, false);
    }

    /** The message of {@code e} itself, or a plain description of the network failure behind it. */
    static String describe(Throwable e) {
        if (e instanceof SimFailure) {
            return e.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (e instanceof UpgradeRejectedException rejected) {
            return "the server refused the WebSocket upgrade with HTTP " + rejected.getStatus()
                    + tokenHint(rejected.getStatus());
        }
        if (cause instanceof ConnectException || String.valueOf(cause.getMessage()).startsWith("Connection refused")) {
            return "Connection refused — is `./kol serve` running?";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    static String tokenHint(int status) {
        return status == 401 || status == 403 ? " (is the signature right? check --auth-token or TWILIO_AUTH_TOKEN)"
                : "";
    }
}
