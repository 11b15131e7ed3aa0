package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.speech.v1.SpeechRecognitionAlternative;
import com.google.cloud.speech.v1.StreamingRecognitionResult;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import com.google.protobuf.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechTranscriptTest {
    private final RecordingSttListener listener = new RecordingSttListener();
    private final SpeechTranscript transcript = new SpeechTranscript(listener);

    private static SpeechAttempt streamFrom(long startMs) {
        return new SpeechAttempt(new SpeechAttempt.Owner() {
            @Override
            public void onResponse(SpeechAttempt attempt, StreamingRecognizeResponse response) {
            }

            @Override
            public void onEnd(SpeechAttempt attempt, Throwable failure) {
            }
        }, startMs * 8, startMs * 8);
    }

    private static StreamingRecognitionResult result(String text, boolean isFinal, long endMs, float confidence) {
        return StreamingRecognitionResult.newBuilder()
                .addAlternatives(SpeechRecognitionAlternative.newBuilder().setTranscript(text)
                        .setConfidence(confidence))
                .setIsFinal(isFinal)
                .setResultEndTime(Duration.newBuilder().setSeconds(endMs / 1000).setNanos((int) (endMs % 1000)
                        * 1_000_000))
                .build();
    }

    @Test
    void placesResultsAtTheirStreamsStartInTheCall() {
        SpeechAttempt renewed = streamFrom(270_000);
        transcript.deliver(renewed, List.of(result(" שלום", false, 1200, 0)));
        long end = transcript.deliver(renewed, List.of(result("שלום לכם", true, 1800, 0.9f)));

        assertThat(listener.partials()).containsExactly(new RecordingSttListener.Partial("שלום", 271_200));
        assertThat(listener.finals()).containsExactly(new RecordingSttListener.Final("שלום לכם", 271_800, 0.9f));
        assertThat(end).isEqualTo(271_800 * 8);
    }

    @Test
    void dropsAFinalForAudioAlreadyTranscribed() {
        transcript.deliver(streamFrom(0), List.of(result("one", true, 5000, 0.8f)));
        // A stream renewed at 4 s heard the end of "one" again.
        transcript.deliver(streamFrom(4000), List.of(result("one", true, 1000, 0.8f)));
        transcript.deliver(streamFrom(4000), List.of(result("two", true, 3000, 0.8f)));

        assertThat(listener.finalTexts()).containsExactly("one", "two");
        assertThat(transcript.duplicateFinals()).isEqualTo(1);
    }

    @Test
    void joinsInterimResultsAndDeliversTheFinalBeforeThem() {
        SpeechAttempt stream = streamFrom(0);
        transcript.deliver(stream, List.of(result("to be", true, 900, 0.7f), result("or not", false, 1500, 0),
                result(" to be", false, 1700, 0)));

        assertThat(listener.finalTexts()).containsExactly("to be");
        assertThat(listener.partials()).containsExactly(new RecordingSttListener.Partial("or not to be", 1700));
        assertThat(stream.partialPending()).isTrue();
    }

    @Test
    void reportsNoConfidenceAsMinusOne() {
        transcript.deliver(streamFrom(0), List.of(result("כן", true, 700, 0f)));
        assertThat(listener.finals()).singleElement().extracting(RecordingSttListener.Final::confidence)
                .isEqualTo(-1.0);
    }

    @Test
    void anEmptyFinalCountsAsHeardButIsNotDelivered() {
        long end = transcript.deliver(streamFrom(0), List.of(result("", true, 2000, 0f)));
        assertThat(end).isEqualTo(2000 * 8);
        assertThat(listener.finals()).isEmpty();
    }
}
