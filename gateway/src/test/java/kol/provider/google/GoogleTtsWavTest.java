package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import kol.audio.WavFormatException;
import org.junit.jupiter.api.Test;

class GoogleTtsWavTest {

    @Test
    void findsTheSamplesPastAnEighteenByteFmtAndAListChunk() throws Exception {
        byte[] samples = MulawWavBytes.ramp(1, 333);
        byte[] wav = MulawWavBytes.withListChunk(samples);

        GoogleTtsWav.Span span = GoogleTtsWav.mulawSamples(wav, wav.length);

        assertThat(span.offset()).isGreaterThan(44);
        assertThat(java.util.Arrays.copyOfRange(wav, span.offset(), span.offset() + span.length())).isEqualTo(samples);
    }

    @Test
    void findsTheSamplesOfTheCanonicalHeaderAtFortyFour() throws Exception {
        byte[] wav = MulawWavBytes.canonical(MulawWavBytes.ramp(0, 10));

        assertThat(GoogleTtsWav.mulawSamples(wav, wav.length)).isEqualTo(new GoogleTtsWav.Span(44, 10));
    }

    @Test
    void readsAnUnknownOrOverlongDataSizeAsToTheEnd() throws Exception {
        byte[] wav = MulawWavBytes.canonical(new byte[10]);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFF_FFFF);

        assertThat(GoogleTtsWav.mulawSamples(wav, wav.length).length()).isEqualTo(10);
        assertThat(GoogleTtsWav.mulawSamples(wav, wav.length - 4).length()).isEqualTo(6);
    }

    @Test
    void refusesAnythingButEightKilohertzMonoMulaw() {
        byte[] pcm = MulawWavBytes.wav(MulawWavBytes.fmt(1, 1, 8000, 16, 16), null, new byte[4]);
        byte[] stereo = MulawWavBytes.wav(MulawWavBytes.fmt(7, 2, 8000, 8, 16), null, new byte[4]);

        assertThatThrownBy(() -> GoogleTtsWav.mulawSamples(pcm, pcm.length)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("format tag 1");
        assertThatThrownBy(() -> GoogleTtsWav.mulawSamples(stereo, stereo.length))
                .hasMessageContaining("2 channel(s)");
    }

    @Test
    void refusesHeadersWithoutData() {
        byte[] wav = MulawWavBytes.canonical(new byte[0]);
        byte[] cut = java.util.Arrays.copyOf(wav, 36);

        assertThatThrownBy(() -> GoogleTtsWav.mulawSamples(cut, cut.length)).hasMessageContaining("no 'data'");
        assertThatThrownBy(() -> GoogleTtsWav.mulawSamples(new byte[3], 3)).hasMessageContaining("not a RIFF");
    }
}
