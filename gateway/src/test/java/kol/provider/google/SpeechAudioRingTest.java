package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpeechAudioRingTest {

    private static byte[] ramp(int from, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (from + i);
        }
        return out;
    }

    @Test
    void keepsTheNewestBytesByCallOffsetAcrossTheWrap() {
        SpeechAudioRing ring = new SpeechAudioRing(10);
        ring.append(ramp(0, 7), 0, 7);
        ring.append(ramp(7, 6), 0, 6);
        assertThat(ring.endBytes()).isEqualTo(13);
        assertThat(ring.startBytes()).isEqualTo(3);
        byte[] out = new byte[10];
        ring.copy(3, out, 0, 10);
        assertThat(out).isEqualTo(ramp(3, 10));
    }

    @Test
    void aBatchLargerThanTheRingKeepsItsTail() {
        SpeechAudioRing ring = new SpeechAudioRing(4);
        byte[] batch = ramp(0, 11);
        ring.append(batch, 1, 9);
        assertThat(ring.endBytes()).isEqualTo(9);
        byte[] out = new byte[4];
        ring.copy(5, out, 0, 4);
        assertThat(out).isEqualTo(Arrays.copyOfRange(batch, 6, 10));
    }

    @Test
    void refusesBytesItNoLongerHolds() {
        SpeechAudioRing ring = new SpeechAudioRing(4);
        ring.append(ramp(0, 8), 0, 8);
        assertThatThrownBy(() -> ring.copy(3, new byte[2], 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.copy(7, new byte[2], 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
