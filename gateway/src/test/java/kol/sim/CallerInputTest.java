package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import kol.audio.G711;
import kol.audio.Tones;
import kol.audio.WavAudio;
import org.junit.jupiter.api.Test;

/** What the caller says and presses: WAV conversion and DTMF parsing. */
class CallerInputTest {

    @Test
    void keepsPhoneRateMuLawAsIs() {
        byte[] muLaw = Tones.sineMuLaw(440, -12, 100);

        assertThat(CallerAudio.toTelephony(WavAudio.ofMuLaw(muLaw))).isSameAs(muLaw);
    }

    @Test
    void resamplesAndEncodesWidebandPcm() {
        short[] pcm = new short[16_000];
        Tones.sine(pcm, 0, pcm.length, 16_000, 440, -12);
        WavAudio wideband = WavAudio.ofPcm16(16_000, pcm);

        byte[] muLaw = CallerAudio.toTelephony(wideband);

        assertThat(muLaw.length).isBetween(8_000, 8_100);
        int loud = 0;
        for (byte b : muLaw) {
            if (Math.abs(G711.decode(b)) > 1_000) {
                loud++;
            }
        }
        assertThat(loud).isGreaterThan(4_000);
    }

    @Test
    void mixesStereoDown() {
        short[] pcm = new short[800 * 2];
        Arrays.fill(pcm, (short) 8_000);
        byte[] data = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            data[2 * i] = (byte) pcm[i];
            data[2 * i + 1] = (byte) (pcm[i] >> 8);
        }

        byte[] muLaw = CallerAudio.toTelephony(new WavAudio(8_000, WavAudio.Encoding.PCM16, 2, data));

        assertThat(muLaw).hasSize(800).containsOnly(G711.encode((short) 8_000));
    }

    @Test
    void parsesDtmfPresses() {
        assertThat(DtmfPress.parse("1@5.0")).isEqualTo(new DtmfPress('1', 5_000));
        assertThat(DtmfPress.parse("#@0.25")).isEqualTo(new DtmfPress('#', 250));
        assertThat(DtmfPress.parse("a@2")).isEqualTo(new DtmfPress('A', 2_000));
        assertThatThrownBy(() -> DtmfPress.parse("12@3")).hasMessageContaining("DIGIT@SECONDS");
        assertThatThrownBy(() -> DtmfPress.parse("x@3")).hasMessageContaining("0-9 * # A-D");
        assertThatThrownBy(() -> DtmfPress.parse("1@soon")).hasMessageContaining("seconds");
    }
}
