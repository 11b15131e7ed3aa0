package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kol.cli.CallCommand;
import kol.tx.TxSecond;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kol call} end to end: exit codes, JSON summary, and the GO/NO-GO check on the server's log. */
class CallCommandTest {
    private static Vertx vertx;
    private FakeTwilioServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void startServer() {
        server = new FakeTwilioServer(vertx);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static int run(String... args) {
        return new CommandLine(new CallCommand()).execute(args);
    }

    /** What the command wrote to standard error; it must exit 0. */
    private static String stderrOf(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(args)).isZero();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Makes the fake server log like Kol under the call's callSid: {@code speechSeconds} whole seconds. */
    private Path serverLogOnStart(int speechSeconds) {
        Path log = dir.resolve("server.log");
        server.onStart(stream -> {
            String callSid = server.received("start").get(0).json().getJsonObject("start").getString("callSid");
            StringBuilder lines = new StringBuilder("10:00:00.000 INFO  tx [TX] greeting_end call=" + callSid + "\n");
            for (int i = 0; i < speechSeconds; i++) {
                lines.append("10:00:01.000 INFO  tx ")
                        .append(new TxSecond(callSid, 50, 4, 6, 0, 0, 0, 50, 0, 0, 0.2, 0.3).logLine()).append('\n');
            }
            try {
                Files.writeString(log, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return log;
    }

    @Test
    void exitsZeroAndWritesJsonForACleanCall() throws IOException {
        Path json = dir.resolve("call.json");

        int exit = run("--url", server.streamUrl(), "--seconds", "0.3", "--quiet", "--json", json.toString(),
                "--dtmf", "7@0.1");

        assertThat(exit).isZero();
        JsonObject summary = new JsonObject(Files.readString(json));
        assertThat(summary.getInteger("calls")).isEqualTo(1);
        assertThat(summary.getInteger("dtmf_sent")).isEqualTo(1);
        assertThat(summary.getJsonArray("per_call")).hasSize(1);
    }

    @Test
    void warmUpCallsRunFirstAndAreNotCounted() throws IOException {
        Path json = dir.resolve("load.json");

        int exit = run("--url", server.streamUrl(), "--calls", "2", "--seconds", "0.5", "--warmup-calls", "3",
                "--warmup-seconds", "0.3", "--event-loops", "1", "--dtmf", "5@0.4", "--quiet", "--json",
                json.toString());

        assertThat(exit).isZero();
        assertThat(server.received("start")).as("3 warm-up calls, then 2 measured").hasSize(5);
        assertThat(server.received("dtmf")).as("the key press falls after the warm-up calls end").hasSize(2);
        JsonObject summary = new JsonObject(Files.readString(json));
        assertThat(summary.getInteger("calls")).isEqualTo(2);
        assertThat(summary.getInteger("dtmf_sent")).isEqualTo(2);
    }

    @Test
    void warnsWhenTheWarmUpCallsAreShorterThanTheMeasuredOnes() {
        String shorter = stderrOf("--url", server.streamUrl(), "--seconds", "0.3", "--warmup-calls", "1",
                "--warmup-seconds", "0.2", "--quiet");
        String asLong = stderrOf("--url", server.streamUrl(), "--seconds", "0.3", "--warmup-calls", "1",
                "--warmup-seconds", "0.3", "--quiet");

        assertThat(shorter).contains("the warm-up calls are shorter than the measured ones")
                .contains("--warmup-seconds at least --seconds");
        assertThat(asLong).doesNotContain("shorter");
    }

    @Test
    void exitsOneWhenTheServerSendsAnInvalidMessage() {
        server.onStart(stream -> stream.binary(10));

        assertThat(run("--url", server.streamUrl(), "--seconds", "0.3", "--quiet")).isEqualTo(1);
    }

    @Test
    void exitsTwoWhenItCannotConnect() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThat(run("--url", "ws://127.0.0.1:" + port + "/twilio/media", "--seconds", "0.3", "--quiet"))
                .isEqualTo(2);
    }

    @Test
    void exitsTwoForBadOptions() {
        assertThat(run("--url", server.streamUrl(), "--dtmf", "x@1", "--quiet")).isEqualTo(2);
        assertThat(run("--url", server.streamUrl(), "--seconds", "2", "--dtmf", "1@2.5", "--quiet")).isEqualTo(2);
        assertThat(run("--url", server.streamUrl(), "--calls", "2", "--record", dir.resolve("a.wav").toString()))
                .isEqualTo(2);
        assertThat(run("--url", server.streamUrl(), "--event-loops", "0", "--quiet")).isEqualTo(2);
        assertThat(run("--url", server.streamUrl(), "--warmup-calls", "-1", "--quiet")).isEqualTo(2);
    }

    @Test
    void goNoGoOnTheServerLogDecidesTheExitCode() throws IOException {
        Path goodLog = serverLogOnStart(2);
        Path json = dir.resolve("go.json");

        assertThat(run("--url", server.streamUrl(), "--seconds", "0.3", "--quiet", "--gonogo-log",
                goodLog.toString(), "--json", json.toString())).isZero();
        assertThat(new JsonObject(Files.readString(json)).getJsonObject("gonogo").getString("verdict"))
                .isEqualTo("GO");

        serverLogOnStart(0);
        assertThat(run("--url", server.streamUrl(), "--seconds", "0.3", "--quiet", "--gonogo-log",
                goodLog.toString())).isEqualTo(1);
        assertThat(List.of(Files.readString(goodLog).split("\n"))).hasSize(1);
    }
}
