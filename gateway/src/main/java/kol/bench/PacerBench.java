package kol.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kol.tx.Frame;
import kol.tx.PacerHandle;
import kol.tx.TxPacer;
import kol.tx.TxQueue;
import kol.tx.TxQueueConfig;
import kol.tx.TxTelemetry;
import org.HdrHistogram.Histogram;

/**
 * {@code ./kol bench pacer}: N synthetic calls, each with a producer far faster than real time writing through
 * the real {@link TxQueue} (lead and back-pressure as configured), paced by the real {@link TxPacer} into counting
 * sinks. Prints a line a second while it runs and the figures at the end.
 */
public final class PacerBench {
    private final int calls;
    private final int seconds;
    private final int warmupSeconds;
    private final int lanes;
    private final TxQueueConfig queueConfig;
    private final PrintStream out;
    private final Driver driver;

    /** What runs the pacer's lanes. */
    public enum Driver {
        /** Kol's design: one thread per lane, parked until the next deadline. */
        THREADS,
        /** Each lane on a Vert.x event loop, driven by a 1 ms periodic timer. */
        EVENTLOOP
    }

    public PacerBench(int calls, int seconds, int warmupSeconds, int lanes, TxQueueConfig queueConfig,
            PrintStream out, Driver driver) {
        this.driver = driver;
        this.calls = calls;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.lanes = lanes > 0 ? lanes : TxPacer.defaultLanes();
        this.queueConfig = queueConfig;
        this.out = out;
    }

    public PacerBenchResult run() throws InterruptedException {
        byte[] speech = new byte[50 * Frame.MEDIA_BYTES];
        new Random(7).nextBytes(speech);
        ExecutorService producers = Executors.newFixedThreadPool(1, r -> {
            Thread thread = new Thread(r, "kol-bench-producer");
            thread.setDaemon(true);
            return thread;
        });
        List<PacerHandle> handles = new ArrayList<>(calls);
        List<CountingSink> sinks = new ArrayList<>(calls);
        List<SyntheticSpeaker> speakers = new ArrayList<>(calls);
        EventLoopDriver loops = null;
        try (TxPacer pacer = driver == Driver.THREADS ? TxPacer.start(lanes, TxTelemetry.NONE)
                : TxPacer.driven(lanes, TxTelemetry.NONE)) {
            if (driver == Driver.EVENTLOOP) {
                loops = new EventLoopDriver(pacer);
            }
            out.printf(Locale.ROOT, "bench pacer: %d calls, %d lane(s) on %s, warm-up %d s, measuring %d s%n", calls,
                    lanes, driver.name().toLowerCase(Locale.ROOT), warmupSeconds, seconds);
            for (int i = 0; i < calls; i++) {
                TxQueue queue = new TxQueue(queueConfig);
                CountingSink sink = new CountingSink();
                handles.add(pacer.attach("bench-" + i, queue, sink));
                sinks.add(sink);
                SyntheticSpeaker speaker = new SyntheticSpeaker(queue, speech, producers);
                speakers.add(speaker);
                producers.execute(speaker);
            }
            tick("warm-up", warmupSeconds, sinks);
            pacer.takeDeviationHistogramUs();
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long cpuStartNs = processCpuNs(os);
            long startNs = System.nanoTime();
            long[] sentAtStart = sentPerCall(sinks);
            long resyncsAtStart = totalResyncs(handles);
            tick("measure", seconds, sinks);
            long[] sentAtEnd = sentPerCall(sinks);
            long elapsedNs = System.nanoTime() - startNs;
            long cpuNs = processCpuNs(os) - cpuStartNs;
            Histogram deviationUs = pacer.takeDeviationHistogramUs();
            speakers.forEach(SyntheticSpeaker::stop);

            double[] fps = new double[calls];
            int outside = 0;
            long framesSent = 0;
            for (int i = 0; i < calls; i++) {
                long sent = sentAtEnd[i] - sentAtStart[i];
                framesSent += sent;
                fps[i] = sent * 1e9 / elapsedNs;
                if (fps[i] < 49.5 || fps[i] > 50.5) {
                    outside++;
                }
            }
            Arrays.sort(fps);
            long resyncs = totalResyncs(handles) - resyncsAtStart;
            long drops = 0;
            long invalid = 0;
            for (int i = 0; i < calls; i++) {
                drops += handles.get(i).stats().drops();
                invalid += sinks.get(i).invalid;
            }
            double cpuPct = 100.0 * cpuNs / elapsedNs / Runtime.getRuntime().availableProcessors();
            for (PacerHandle handle : handles) {
                handle.detach();
            }
            System.gc();
            double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            return new PacerBenchResult(calls, seconds, lanes, round(fps[0]), round(fps[calls / 2]),
                    round(fps[calls - 1]), outside, ms(deviationUs.getValueAtPercentile(50)),
                    ms(deviationUs.getValueAtPercentile(99)), ms(deviationUs.getValueAtPercentile(99.9)),
                    ms(deviationUs.getMaxValue()), drops, resyncs, invalid, framesSent, round(cpuPct),
                    round(heapMb));
        } finally {
            if (loops != null) {
                loops.close();
            }
            producers.shutdownNow();
            producers.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    /** Sleeps {@code count} seconds, printing the aggregate send rate each second. */
    private void tick(String phase, int count, List<CountingSink> sinks) throws InterruptedException {
        long previous = totalSent(sinks);
        for (int s = 1; s <= count; s++) {
            Thread.sleep(1000);
            long total = totalSent(sinks);
            out.printf(Locale.ROOT, "  %-8s %3d s  %8.1f frames/s per call%n", phase, s,
                    (total - previous) / (double) sinks.size());
            previous = total;
        }
    }

    private static long totalSent(List<CountingSink> sinks) {
        long total = 0;
        for (CountingSink sink : sinks) {
            total += sink.media;
        }
        return total;
    }

    private static long totalResyncs(List<PacerHandle> handles) {
        long total = 0;
        for (PacerHandle handle : handles) {
            total += handle.stats().resyncs();
        }
        return total;
    }

    private static long[] sentPerCall(List<CountingSink> sinks) {
        long[] sent = new long[sinks.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = sinks.get(i).media;
        }
        return sent;
    }

    private static long processCpuNs(OperatingSystemMXBean os) {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    private static double ms(long micros) {
        return Math.round(micros / 1000.0 * 1000) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
