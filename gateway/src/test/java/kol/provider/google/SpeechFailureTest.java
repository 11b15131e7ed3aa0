package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import java.util.Map;
import kol.base.Settings;
import org.junit.jupiter.api.Test;

class SpeechFailureTest {
    private static final GoogleSttConfig CONFIG = GoogleSttConfig.from(Settings.of(Map.of(
            "GCP_STT_LANGUAGE", "he-IL", "GCP_STT_MODEL", "latest_short", "GCP_STT_ENDPOINT", "eu-speech.x:443")));

    private static SpeechFailure failure(Status status) {
        return SpeechFailure.of(status.asRuntimeException());
    }

    @Test
    void tellsGooglesStreamLimitFromItsNoAudioTimeoutByTheMessage() {
        assertThat(failure(Status.OUT_OF_RANGE.withDescription(FakeSpeechCall.DURATION_LIMIT)).kind())
                .isEqualTo(SpeechFailure.Kind.STREAM_LIMIT);
        assertThat(failure(Status.OUT_OF_RANGE.withDescription(FakeSpeechCall.AUDIO_TIMEOUT)).kind())
                .isEqualTo(SpeechFailure.Kind.AUDIO_TIMEOUT);
        // v2's forms (PROTOCOLS.md §6.2).
        assertThat(failure(Status.ABORTED.withDescription("Max duration of 5 minutes reached for stream.")).kind())
                .isEqualTo(SpeechFailure.Kind.STREAM_LIMIT);
        assertThat(failure(Status.ABORTED.withDescription("Stream timed out after receiving no more client requests."))
                .kind()).isEqualTo(SpeechFailure.Kind.AUDIO_TIMEOUT);
    }

    @Test
    void retriesWhatMayPassAndStopsOnWhatCannot() {
        List<Status> passing = List.of(Status.UNAVAILABLE, Status.RESOURCE_EXHAUSTED, Status.DEADLINE_EXCEEDED,
                Status.ABORTED, Status.INTERNAL);
        for (Status status : passing) {
            assertThat(failure(status).kind()).as(status.getCode().name()).isEqualTo(SpeechFailure.Kind.RETRY);
        }
        List<Status> lasting = List.of(Status.UNAUTHENTICATED, Status.PERMISSION_DENIED, Status.INVALID_ARGUMENT,
                Status.NOT_FOUND, Status.UNIMPLEMENTED, Status.FAILED_PRECONDITION);
        for (Status status : lasting) {
            assertThat(failure(status).kind()).as(status.getCode().name()).isEqualTo(SpeechFailure.Kind.FATAL);
        }
    }

    @Test
    void namesTheSettingToCheck() {
        assertThat(failure(Status.UNAUTHENTICATED).explain(CONFIG))
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(failure(Status.PERMISSION_DENIED.withDescription("Cloud Speech-to-Text API has not been used"))
                .explain(CONFIG)).hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
                .hasMessageContaining("has not been used");
        assertThat(failure(Status.INVALID_ARGUMENT.withDescription("The requested model is currently not supported "
                + "for language : iw-IL.")).explain(CONFIG))
                .hasMessageContaining("GCP_STT_LANGUAGE=he-IL (sent as iw-IL)")
                .hasMessageContaining("GCP_STT_MODEL=latest_short");
        assertThat(failure(Status.UNIMPLEMENTED).explain(CONFIG)).hasMessageContaining("GCP_STT_ENDPOINT=eu-speech.x");
        assertThat(failure(Status.UNAVAILABLE).explain(CONFIG).code()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void readsAnErrorGoogleSendsInsideAResponse() {
        SpeechFailure inBand = SpeechFailure.inBand(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.OUT_OF_RANGE.value()).setMessage(FakeSpeechCall.DURATION_LIMIT).build());
        assertThat(inBand.kind()).isEqualTo(SpeechFailure.Kind.STREAM_LIMIT);
        assertThat(inBand.code()).isEqualTo(Status.Code.OUT_OF_RANGE);
    }
}
