package kol.provider.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kol.provider.tts.TtsListener;

/**
 * Prints how long a short sentence takes to its first audio chunk and to its end, through {@link EspeakTts}, and what
 * a process started ahead (waiting on stdin) would give instead: the figures behind the DESIGN note in EspeakTts.
 *
 * <p>Run after {@code mvn test-compile}:
 * {@code java -cp gateway/target/classes:gateway/target/test-classes kol.provider.espeak.EspeakLatencyProbe [runs]}
 */
public final class EspeakLatencyProbe {

    private static final int WARM_UP_RUNS = 3;

    private EspeakLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        probe("he-IL", EspeakTtsTest.HEBREW, runs);
        probe("en-US", EspeakTtsTest.ENGLISH, runs);
    }

    private static void probe(String language, String text, int runs) throws Exception {
        EspeakTts tts = EspeakTts.forLanguage(language);
        EspeakCheck check = tts.check();
        if (!check.ok()) {
            System.out.println(language + ": " + check.message());
            return;
        }
        long[] firstAudioNs = new long[runs];
        long[] totalNs = new long[runs];
        long[] spareFirstAudioNs = new long[runs];
        for (int i = -WARM_UP_RUNS; i < runs; i++) {
            long[] run = timeSynthesis(tts, text);
            long spare = timeSpareProcess(tts.options(), text);
            if (i >= 0) {
                firstAudioNs[i] = run[0];
                totalNs[i] = run[1];
                spareFirstAudioNs[i] = spare;
            }
        }
        System.out.printf("%s %s (%s, %d runs)%n", language, text, check.message(), runs);
        System.out.printf("  process per utterance: first audio %s, all audio and exit %s%n",
                summary(firstAudioNs), summary(totalNs));
        System.out.printf("  process started ahead: first audio %s%n", summary(spareFirstAudioNs));
    }

    /** Nanoseconds from {@code synthesize} to the first chunk, and to {@code onDone}. */
    private static long[] timeSynthesis(EspeakTts tts, String text) throws InterruptedException {
        long[] times = {-1, -1};
        CountDownLatch ended = new CountDownLatch(1);
        long startNs = System.nanoTime();
        tts.synthesize(text, new TtsListener() {
            @Override
            public void onAudio(byte[] chunk, int off, int len) {
                if (times[0] < 0) {
                    times[0] = System.nanoTime() - startNs;
                }
            }

            @Override
            public void onDone() {
                times[1] = System.nanoTime() - startNs;
                ended.countDown();
            }

            @Override
            public void onError(Exception error) {
                throw new IllegalStateException(error);
            }
        });
        if (!ended.await(10, TimeUnit.SECONDS) || times[1] < 0) {
            throw new IllegalStateException("no onDone within 10 s");
        }
        return times;
    }

    /** Nanoseconds from writing the text to a process already started and waiting, to its first sample bytes. */
    private static long timeSpareProcess(EspeakOptions options, String text) throws IOException,
            InterruptedException {
        Process spare = new ProcessBuilder(options.synthesisCommand()).start();
        Thread.sleep(50);
        long startNs = System.nanoTime();
        try (OutputStream stdin = spare.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        }
        InputStream out = spare.getInputStream();
        WavStreamHeader.readPcm16Mono(out);
        out.read();
        long firstAudioNs = System.nanoTime() - startNs;
        out.transferTo(OutputStream.nullOutputStream());
        spare.waitFor();
        return firstAudioNs;
    }

    private static String summary(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return String.format("median %.1f ms (min %.1f, max %.1f)", sorted[sorted.length / 2] / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
