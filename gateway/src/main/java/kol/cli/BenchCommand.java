package kol.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.util.concurrent.Callable;
import kol.base.Settings;
import kol.bench.PacerBench;
import kol.bench.PacerBenchResult;
import kol.tx.TxQueueConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kol bench …}: built-in benchmarks. (JMH micro-benchmarks: {@code ./kol bench jmh}.) */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. 'bench pacer' paces N synthetic calls; 'bench jmh' runs the JMH micro-benchmarks.",
        subcommands = {BenchCommand.Pacer.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code ./kol bench pacer}. */
    @Command(name = "pacer", mixinStandardHelpOptions = true,
            description = "Runs N synthetic calls (producers faster than real time through the real TxQueue) into "
                    + "counting sinks; prints fps per call, send-interval deviation, drops, resyncs, CPU and heap.")
    static final class Pacer implements Callable<Integer> {
        @Option(names = "--calls", defaultValue = "1000", description = "Synthetic calls (default ${DEFAULT-VALUE}).")
        int calls;

        @Option(names = "--seconds", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--lanes", defaultValue = "0",
                description = "Pacer lanes (threads); 0 = TX_PACER_THREADS or one per core.")
        int lanes;

        @Option(names = "--json", description = "Also write the figures as JSON to this file.")
        File json;

        @Option(names = "--driver", defaultValue = "THREADS",
                description = "What runs the pacer lanes: THREADS (Kol's design) or EVENTLOOP (Vert.x 1 ms timers), "
                        + "for comparison. Default ${DEFAULT-VALUE}.")
        PacerBench.Driver driver;

        @Override
        public Integer call() throws Exception {
            if (calls < 1 || seconds < 1 || warmup < 0) {
                System.err.println("kol bench pacer: --calls and --seconds must be at least 1, --warmup at least 0");
                return 2;
            }
            Settings settings = Settings.fromEnvironment().validateAll();
            int laneCount = lanes > 0 ? lanes : settings.get(kol.base.Knobs.TX_PACER_THREADS);
            PacerBenchResult result = new PacerBench(calls, seconds, warmup, laneCount,
                    TxQueueConfig.from(settings), System.out, driver).run();
            System.out.println(result.summary());
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, result);
                System.out.println("  JSON written to " + json);
            }
            return result.meetsTarget() ? 0 : 1;
        }
    }
}
