package kol.provider.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kol.audio.G711;
import kol.provider.stt.SttStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Everything up to the model: buffering, resampling, the worker, cancel and close, with a stand-in engine. */
class WhisperSttTest {

    private static final long WAIT_MS = 5000;

    private final FakeWhisperEngine engine = new FakeWhisperEngine();
    private final WhisperStt whisper = new WhisperStt(engine);
    private final RecordingSttListener heard = new RecordingSttListener();

    @AfterEach
    void close() {
        engine.release.countDown();
        whisper.close();
    }

    private SttStream open() {
        return whisper.open(null, heard);
    }

    /** {@code ms} of a loud 400 Hz tone in 50 ms batches, as the conversation sends them. */
    private static void speak(SttStream stream, int ms) {
        byte[] batch = new byte[400];
        for (int sent = 0; sent < ms * 8; sent += batch.length) {
            for (int i = 0; i < batch.length; i++) {
                batch[i] = G711.encode((short) (16_000 * Math.sin(2 * Math.PI * 400 * (sent + i) / 8000.0)));
            }
            stream.sendAudio(batch, 0, Math.min(batch.length, ms * 8 - sent));
        }
    }

    @Test
    void keepsTheUtteranceUntilItEndsThenDeliversOneFinalFromTheWorker() throws Exception {
        SttStream stream = open();
        speak(stream, 2000);
        assertThat(heard.next(100)).as("nothing before the end of the utterance").isNull();

        stream.endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isEqualTo(new RecordingSttListener.Final("שלום", 2000, -1));
        assertThat(engine.sampleCounts.get(0)).as("2 s at 16 kHz, plus the filter's tail").isBetween(32_000, 32_200);
        assertThat(engine.peak).as("decoded and scaled to [-1, 1]").isBetween(0.4f, 0.55f);
        assertThat(engine.threads).containsExactly("whisper");
        assertThat(whisper.recognisesWords()).isTrue();
        assertThat(whisper.name()).isEqualTo("whisper");
    }

    @Test
    void eachUtteranceIsTranscribedOnItsOwnAndTimedFromTheStreamStart() throws Exception {
        SttStream stream = open();
        speak(stream, 1500);
        stream.endOfUtterance();
        assertThat(heard.next(WAIT_MS)).isInstanceOf(RecordingSttListener.Final.class);
        engine.answer = "תודה";

        speak(stream, 3000);
        stream.endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isEqualTo(new RecordingSttListener.Final("תודה", 4500, -1));
        assertThat(engine.sampleCounts.get(1)).isBetween(48_000, 48_200);
    }

    @Test
    void padsAShortAnswerToTheSecondWhisperNeeds() throws Exception {
        SttStream stream = open();
        speak(stream, 300);

        stream.endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isInstanceOf(RecordingSttListener.Final.class);
        assertThat(engine.sampleCounts.get(0)).isEqualTo(WhisperAudio.MIN_SAMPLES);
    }

    @Test
    void anEmptyUtteranceGivesAnEmptyFinalWithoutAskingTheModel() throws Exception {
        open().endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isEqualTo(new RecordingSttListener.Final("", 0, -1));
        assertThat(engine.sampleCounts).isEmpty();
    }

    @Test
    void keepsAtMostThirtySecondsOfAnUtterance() throws Exception {
        SttStream stream = open();
        speak(stream, 40_000);

        stream.endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isEqualTo(new RecordingSttListener.Final("שלום", 40_000, -1));
        assertThat(engine.sampleCounts.get(0)).isBetween(480_000, 480_200);
    }

    @Test
    void aCancelledUtteranceInFlightDeliversNothing() throws Exception {
        engine.release = new CountDownLatch(1);
        SttStream stream = open();
        speak(stream, 1000);
        stream.endOfUtterance();
        assertThat(engine.started.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();

        stream.cancelUtterance();
        engine.release.countDown();

        assertThat(heard.next(300)).isNull();
    }

    @Test
    void nothingArrivesAfterClose() throws Exception {
        engine.release = new CountDownLatch(1);
        SttStream stream = open();
        speak(stream, 1000);
        stream.endOfUtterance();
        assertThat(engine.started.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();

        stream.close();
        engine.release.countDown();

        assertThat(heard.next(300)).isNull();
    }

    @Test
    void aModelFailureReachesOnErrorAsRecoverable() throws Exception {
        engine.failure = new IOException("whisper.cpp failed to transcribe (whisper_full returned -7)");
        SttStream stream = open();
        speak(stream, 1000);

        stream.endOfUtterance();

        assertThat(heard.next(WAIT_MS)).isInstanceOf(IOException.class);
        assertThat(heard.errors.get(0)).hasMessageContaining("whisper_full returned -7");
        assertThat(heard.finals).isEmpty();
    }

    @Test
    void refusesAnUtteranceAtOnceWhenTooManyAreWaiting() throws Exception {
        engine.release = new CountDownLatch(1);
        SttStream stream = open();
        speak(stream, 100);
        stream.endOfUtterance();
        assertThat(engine.started.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        for (int i = 0; i < WhisperStt.MAX_WAITING; i++) {
            speak(stream, 100);
            stream.endOfUtterance();
        }
        assertThat(heard.errors).isEmpty();

        speak(stream, 100);
        stream.endOfUtterance();

        assertThat(heard.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("Whisper is busy"));
        engine.release.countDown();
        for (int i = 0; i <= WhisperStt.MAX_WAITING; i++) {
            assertThat(heard.next(WAIT_MS)).isNotNull();
        }
    }

    @Test
    void closingFreesTheModel() {
        whisper.close();

        assertThat(engine.closed).isTrue();
    }
}
