package kol.provider.google;

import com.google.api.gax.rpc.ApiException;
import java.io.IOException;

/** Turns what the Google client throws into an error a log reader can act on: the voice, the gRPC status, why. */
final class GoogleTtsErrors {

    private GoogleTtsErrors() {
    }

    static IOException describe(Throwable error, String voice) {
        if (error instanceof ApiException api) {
            String hint = switch (api.getStatusCode().getCode()) {
                case UNAUTHENTICATED, PERMISSION_DENIED -> " (check the credentials and that the Text-to-Speech API "
                        + "is enabled for the project)";
                case INVALID_ARGUMENT, NOT_FOUND -> " (check GCP_TTS_VOICE and GCP_TTS_LANGUAGE: is the voice "
                        + "available for the language?)";
                case RESOURCE_EXHAUSTED -> " (quota or rate limit)";
                default -> "";
            };
            return new IOException("Google TTS (voice " + voice + ") failed: " + api.getStatusCode().getCode() + ": "
                    + api.getMessage() + hint, error);
        }
        return new IOException("Google TTS (voice " + voice + ") failed: " + error, error);
    }
}
