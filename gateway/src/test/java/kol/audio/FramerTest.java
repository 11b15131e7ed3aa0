package kol.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FramerTest {

    private static final int FRAME = Telephony.FRAME_BYTES;

    private final Framer framer = new Framer();
    private final List<byte[]> frames = new ArrayList<>();
    private final FrameConsumer collect = frame -> frames.add(frame.clone());

    @Test
    void cutsOddChunksIntoWholeFramesAndKeepsTheRest() {
        byte[] stream = ramp(500);

        assertThat(framer.push(stream, 0, 100, collect)).isZero();
        assertThat(framer.push(stream, 100, 250, collect)).isEqualTo(2);
        assertThat(framer.pending()).isEqualTo(30);
        assertThat(framer.push(stream, 350, 150, collect)).isEqualTo(1);

        assertThat(frames).hasSize(3);
        assertThat(frames.get(0)).isEqualTo(Arrays.copyOfRange(stream, 0, 160));
        assertThat(frames.get(1)).isEqualTo(Arrays.copyOfRange(stream, 160, 320));
        assertThat(frames.get(2)).isEqualTo(Arrays.copyOfRange(stream, 320, 480));
        assertThat(framer.pending()).isEqualTo(20);
    }

    @Test
    void padsOnlyTheLastFrameOfAnUtteranceWithMuLawSilence() {
        byte[] stream = ramp(170);
        framer.push(stream, 0, 170, collect);

        assertThat(framer.endOfUtterance(collect)).isEqualTo(1);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEqualTo(Arrays.copyOfRange(stream, 0, 160));
        byte[] last = frames.get(1);
        assertThat(Arrays.copyOfRange(last, 0, 10)).isEqualTo(Arrays.copyOfRange(stream, 160, 170));
        for (int i = 10; i < FRAME; i++) {
            assertThat(last[i]).isEqualTo(G711.SILENCE);
        }
        assertThat(framer.pending()).isZero();
    }

    @Test
    void endOfUtteranceEmitsNothingWhenNoBytesArePending() {
        assertThat(framer.endOfUtterance(collect)).isZero();
        framer.push(ramp(320), 0, 320, collect);
        assertThat(framer.endOfUtterance(collect)).isZero();
        assertThat(frames).hasSize(2);
    }

    @Test
    void startsTheNextUtteranceOnAFrameBoundary() {
        framer.push(ramp(10), 0, 10, collect);
        framer.endOfUtterance(collect);
        byte[] next = ramp(160);
        framer.push(next, 0, 160, collect);
        assertThat(frames.get(1)).isEqualTo(next);
    }

    @Test
    void clearDropsThePartialFrameAndSaysHowMuch() {
        framer.push(ramp(200), 0, 200, collect);
        assertThat(framer.clear()).isEqualTo(40);
        assertThat(framer.pending()).isZero();
        assertThat(framer.endOfUtterance(collect)).isZero();
        assertThat(frames).hasSize(1);
    }

    @Test
    void encodesPcmStraightIntoFrames() {
        short[] tone = Tones.sine(1000, -6, 50);
        assertThat(framer.pushPcm(tone, 0, 250, collect)).isEqualTo(1);
        framer.pushPcm(tone, 250, tone.length - 250, collect);
        framer.endOfUtterance(collect);

        assertThat(frames).hasSize(3);
        byte[] expected = Tones.muLaw(tone);
        assertThat(frames.get(0)).isEqualTo(Arrays.copyOfRange(expected, 0, 160));
        assertThat(frames.get(1)).isEqualTo(Arrays.copyOfRange(expected, 160, 320));
        assertThat(Arrays.copyOfRange(frames.get(2), 0, 80)).isEqualTo(Arrays.copyOfRange(expected, 320, 400));
    }

    @Test
    void mixesMuLawAndPcmInOneFrame() {
        framer.push(new byte[] {1, 2, 3}, 0, 3, collect);
        framer.pushPcm(new short[FRAME - 3], 0, FRAME - 3, collect);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)[2]).isEqualTo((byte) 3);
        assertThat(frames.get(0)[3]).isEqualTo(G711.SILENCE);
    }

    @Test
    void leavesAnEmptyFramerWhenTheConsumerThrows() {
        FrameConsumer failing = frame -> {
            throw new IllegalStateException("sink closed");
        };
        try {
            framer.push(ramp(170), 0, 170, failing);
        } catch (IllegalStateException expected) {
            // the chunk's tail after the failing frame is abandoned with it
        }
        assertThat(framer.pending()).isZero();
    }

    @Property(tries = 300)
    void anyChunkingYieldsTheInputInOrderThenOnlySilence(
            @ForAll @IntRange(min = 0, max = 2000) int totalBytes,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 400) Integer> chunkSizes) {
        byte[] stream = randomMuLaw(totalBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] frameCount = {0};
        FrameConsumer sink = frame -> {
            assertThat(frame).hasSize(FRAME);
            out.write(frame, 0, frame.length);
            frameCount[0]++;
        };

        int pos = 0;
        int emitted = 0;
        for (int chunk = 0; pos < totalBytes; chunk++) {
            int size = Math.min(chunkSizes.get(chunk % chunkSizes.size()), totalBytes - pos);
            emitted += framer.push(stream, pos, size, sink);
            pos += size;
            assertThat(framer.push(stream, pos, 0, sink)).isZero();
        }
        assertThat(framer.pending()).isEqualTo(totalBytes % FRAME);
        emitted += framer.endOfUtterance(sink);

        assertThat(emitted).isEqualTo(frameCount[0]).isEqualTo((totalBytes + FRAME - 1) / FRAME);
        byte[] framed = out.toByteArray();
        assertThat(Arrays.copyOf(framed, totalBytes)).isEqualTo(stream);
        for (int i = totalBytes; i < framed.length; i++) {
            assertThat(framed[i]).isEqualTo(G711.SILENCE);
        }
    }

    @Property(tries = 200)
    void anyChunkingOfPcmYieldsItsMuLawEncodingInOrder(
            @ForAll @Size(max = 1200) List<Short> samples,
            @ForAll @IntRange(min = 1, max = 333) int chunkSize) {
        short[] pcm = new short[samples.size()];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = samples.get(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int pos = 0; pos < pcm.length; pos += chunkSize) {
            framer.pushPcm(pcm, pos, Math.min(chunkSize, pcm.length - pos), frame -> out.write(frame, 0, FRAME));
        }
        framer.endOfUtterance(frame -> out.write(frame, 0, FRAME));

        byte[] framed = out.toByteArray();
        assertThat(framed.length).isEqualTo((pcm.length + FRAME - 1) / FRAME * FRAME);
        assertThat(Arrays.copyOf(framed, pcm.length)).isEqualTo(Tones.muLaw(pcm));
    }

    private static byte[] ramp(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] randomMuLaw(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
