package kol.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void mediaFrameIsExactly160Bytes() {
        assertThat(Frame.media(new byte[160]).payload()).hasSize(160);
        assertThatThrownBy(() -> Frame.media(new byte[159])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 160").hasMessageContaining("159");
        assertThatThrownBy(() -> Frame.media(new byte[161])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.media(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mediaFrameCopiesItsPayload() {
        byte[] payload = new byte[160];
        Frame frame = Frame.media(payload);
        payload[0] = 9;
        assertThat(frame.payload()[0]).isEqualTo((byte) 0);
    }

    @Test
    void markNeedsAName() {
        assertThat(Frame.mark("greeting_end").name()).isEqualTo("greeting_end");
        assertThatThrownBy(() -> Frame.mark("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.mark(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKindButMediaIsControl() {
        for (FrameKind kind : FrameKind.values()) {
            assertThat(kind.isControl()).isEqualTo(kind != FrameKind.MEDIA);
        }
        assertThat(Frame.clear().kind()).isEqualTo(FrameKind.CLEAR);
        assertThat(Frame.stop().kind()).isEqualTo(FrameKind.STOP);
        assertThat(Frame.keepalive().kind()).isEqualTo(FrameKind.KEEPALIVE);
        assertThat(Frame.start().kind()).isEqualTo(FrameKind.START);
        assertThat(Frame.control(FrameKind.CLEAR)).isEqualTo(Frame.clear());
        assertThatThrownBy(() -> Frame.control(FrameKind.MARK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.control(FrameKind.MEDIA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlFramesHaveNoPayload() {
        assertThatThrownBy(() -> Frame.clear().payload()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Frame.clear().name()).isInstanceOf(IllegalStateException.class);
    }
}
