package kol.provider.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import kol.audio.WavFormatException;
import org.junit.jupiter.api.Test;

class ElevenLabsRiffTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ElevenLabsRiff.Sink sink = (bytes, off, len) -> {
        out.write(bytes, off, len);
        return true;
    };

    @Test
    void passesHeaderlessAudioThroughUntouched() throws Exception {
        ElevenLabsRiff riff = new ElevenLabsRiff();
        byte[] audio = ElevenLabsTtsTest.ramp(0x7F, 300);

        riff.feed(audio, 0, 100, sink);
        riff.feed(audio, 100, 200, sink);
        riff.finish(sink);

        assertThat(out.toByteArray()).isEqualTo(audio);
    }

    @Test
    void dropsAHeaderFedOneByteAtATime() throws Exception {
        ElevenLabsRiff riff = new ElevenLabsRiff();
        byte[] samples = ElevenLabsTtsTest.ramp(1, 20);
        byte[] wav = ElevenLabsTtsTest.mulawWav(samples);

        for (int i = 0; i < wav.length; i++) {
            riff.feed(wav, i, 1, sink);
        }
        riff.finish(sink);

        assertThat(out.toByteArray()).isEqualTo(samples);
    }

    @Test
    void passesOnAStreamShorterThanAHeaderThatIsNotOne() throws Exception {
        ElevenLabsRiff riff = new ElevenLabsRiff();

        riff.feed(new byte[] {'R', 'I'}, 0, 2, sink);
        riff.finish(sink);

        assertThat(out.toByteArray()).containsExactly('R', 'I');
    }

    @Test
    void refusesAStreamThatEndsInsideItsHeaderOrIsNotMulaw() throws Exception {
        byte[] wav = ElevenLabsTtsTest.mulawWav(new byte[4]);
        ElevenLabsRiff cut = new ElevenLabsRiff();
        cut.feed(wav, 0, 30, sink);
        assertThatThrownBy(() -> cut.finish(sink)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("ended inside its WAV header");

        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 1);
        assertThatThrownBy(() -> new ElevenLabsRiff().feed(wav, 0, wav.length, sink))
                .hasMessageContaining("format tag 1");
    }
}
