package kol.provider.google;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A call's caller audio and where each utterance lies in it.
 *
 * @param audio the whole call, 8 kHz μ-law
 * @param utterances in order
 */
record CallScript(byte[] audio, List<Spoken> utterances) {

    /**
     * One utterance of the call.
     *
     * @param n its number (its expected transcript is {@code "word" + n})
     * @param startByte call offset of its first byte
     * @param endByte call offset one past its last byte
     */
    record Spoken(int n, int startByte, int endByte) {
        String text() {
            return "word" + n;
        }

        long endMs() {
            return endByte / CallAudio.BYTES_PER_MS;
        }
    }

    /** Utterances of 0.8–2.0 s apart by 0.8–1.6 s of silence, for {@code totalMs}; reproducible from the seed. */
    static CallScript random(int totalMs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Builder builder = new Builder(seed).silence(700);
        int n = 0;
        while (builder.ms() < totalMs - 4000) {
            builder.utterance(n++, 800 + 100 * random.nextInt(13)).silence(800 + 100 * random.nextInt(9));
        }
        return builder.silence(Math.max(1000, totalMs - builder.ms())).build();
    }

    /** A {@link #random} call in which the caller is speaking at {@code atMs}: the first seed from 1 that gives one. */
    static CallScript randomSpeakingAt(int totalMs, int atMs) {
        for (long seed = 1; ; seed++) {
            CallScript call = random(totalMs, seed);
            long at = (long) atMs * CallAudio.BYTES_PER_MS;
            if (call.utterances().stream().anyMatch(u -> u.startByte() < at && u.endByte() > at)) {
                return call;
            }
        }
    }

    static Builder builder() {
        return new Builder(1);
    }

    /** Writes a call piece by piece. */
    static final class Builder {
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        private final List<Spoken> utterances = new ArrayList<>();
        private long seed;

        private Builder(long seed) {
            this.seed = seed * 1_000_003L;
        }

        Builder silence(int ms) {
            audio.writeBytes(CallAudio.silence(ms, seed++));
            return this;
        }

        Builder utterance(int n, int ms) {
            int start = audio.size();
            audio.writeBytes(CallAudio.utterance(n, ms));
            utterances.add(new Spoken(n, start, audio.size()));
            return this;
        }

        int ms() {
            return audio.size() / CallAudio.BYTES_PER_MS;
        }

        CallScript build() {
            return new CallScript(audio.toByteArray(), List.copyOf(utterances));
        }
    }

    List<String> texts() {
        return utterances.stream().map(Spoken::text).toList();
    }

    List<Long> endsMs() {
        return utterances.stream().map(Spoken::endMs).toList();
    }
}
