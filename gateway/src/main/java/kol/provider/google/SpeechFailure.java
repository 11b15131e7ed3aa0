package kol.provider.google;

import com.google.api.gax.rpc.ApiException;
import io.grpc.Status;
import java.util.Locale;

/**
 * How a stream ended badly, and what that means for the call.
 *
 * @param kind what to do about it
 * @param code the gRPC status code
 * @param description the server's message (may be empty)
 * @param cause what the client library reported
 */
record SpeechFailure(Kind kind, Status.Code code, String description, Throwable cause) {

    /** What a failure asks for. */
    enum Kind {
        /** Google's stream-length limit: a new stream at once, with the audio no final covered. */
        STREAM_LIMIT,
        /** Google closed a stream that had no audio for ~10 s: everything sent was heard; reopen on new audio. */
        AUDIO_TIMEOUT,
        /** Transient: retry with back-off, and the call goes on meanwhile. */
        RETRY,
        /** Retrying cannot help (credentials, permissions, settings): report it and stop recognising this call. */
        FATAL
    }

    /** Classifies what the client library reported. */
    static SpeechFailure of(Throwable error) {
        Status status = Status.fromThrowable(error);
        Status.Code code = error instanceof ApiException api
                ? Status.Code.valueOf(api.getStatusCode().getCode().name()) : status.getCode();
        return classify(code, status.getDescription() == null ? "" : status.getDescription(), error);
    }

    /** Classifies an error Google put inside a response ({@code StreamingRecognizeResponse.error}). */
    static SpeechFailure inBand(com.google.rpc.Status error) {
        Status status = Status.fromCodeValue(error.getCode()).withDescription(error.getMessage());
        return classify(status.getCode(), error.getMessage(), status.asRuntimeException());
    }

    private static SpeechFailure classify(Status.Code code, String description, Throwable cause) {
        String text = description.toLowerCase(Locale.ROOT);
        // v1 ends both the 305 s limit and the ~10 s no-audio timeout with OUT_OF_RANGE; v2 ends both with ABORTED
        // (409). Only the message tells them apart (PROTOCOLS.md §6.2).
        boolean idle = text.contains("audio timeout") || text.contains("without audio") || text.contains("no audio")
                || text.contains("timed out after receiving no");
        Kind kind = switch (code) {
            case OUT_OF_RANGE -> idle ? Kind.AUDIO_TIMEOUT : Kind.STREAM_LIMIT;
            case ABORTED -> idle ? Kind.AUDIO_TIMEOUT : text.contains("duration") ? Kind.STREAM_LIMIT : Kind.RETRY;
            case UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, CANCELLED, DATA_LOSS ->
                    Kind.RETRY;
            default -> Kind.FATAL;
        };
        return new SpeechFailure(kind, code, description, cause);
    }

    /** The failure for the listener, with the setting to check where one is to blame. */
    GoogleSttException explain(GoogleSttConfig config) {
        String what = code + (description.isEmpty() ? "" : ": " + description);
        String message = switch (code) {
            case UNAUTHENTICATED -> "Google Speech-to-Text refused the credentials (" + what + "). Check "
                    + "GOOGLE_APPLICATION_CREDENTIALS (a service-account key file) or the Application Default "
                    + "Credentials (gcloud auth application-default login).";
            case PERMISSION_DENIED -> "Google Speech-to-Text refused access (" + what + "). The account in "
                    + "GOOGLE_APPLICATION_CREDENTIALS needs the Speech-to-Text API enabled on its project and a role "
                    + "that may use it.";
            case INVALID_ARGUMENT -> "Google Speech-to-Text rejected the recognition settings (" + what + "). Check "
                    + "GCP_STT_LANGUAGE=" + config.language() + " (sent as " + config.languageCode() + "), "
                    + "GCP_STT_MODEL=" + config.model() + " and GCP_STT_ENHANCED=" + config.enhanced()
                    + ": not every model serves every language.";
            case NOT_FOUND, UNIMPLEMENTED -> "Google Speech-to-Text is not at the endpoint (" + what + "). Check "
                    + "GCP_STT_ENDPOINT=" + (config.endpoint().isEmpty() ? "(Google's default)" : config.endpoint())
                    + ".";
            case FAILED_PRECONDITION -> "Google Speech-to-Text cannot serve the project yet (" + what + "). Check "
                    + "the Speech-to-Text API and billing of the project in GOOGLE_APPLICATION_CREDENTIALS.";
            default -> switch (kind) {
                case STREAM_LIMIT -> "Google Speech-to-Text ended the stream at its time limit (" + what + "); a new "
                        + "stream carries on with the audio no final covered.";
                case AUDIO_TIMEOUT -> "Google Speech-to-Text closed a stream that had no audio for ~10 s (" + what
                        + ").";
                default -> "Google Speech-to-Text failed (" + what + "); retrying.";
            };
        };
        return new GoogleSttException(code.name(), message, cause);
    }
}
