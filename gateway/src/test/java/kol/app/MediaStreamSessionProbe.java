package kol.app;

import kol.carrier.twilio.MediaStreamSession;

/** Finds a live session of a test gateway by call id. */
record MediaStreamSessionProbe(MediaStreamSession session) {
    static MediaStreamSessionProbe of(Gateway gateway, String callId) {
        return new MediaStreamSessionProbe(gateway.server().sessions().stream()
                .filter(s -> s.callId().equals(callId)).findFirst()
                .orElseThrow(() -> new AssertionError("no session for " + callId)));
    }
}
