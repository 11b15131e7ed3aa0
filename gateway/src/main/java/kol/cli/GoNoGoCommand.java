package kol.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import kol.gonogo.CallVerdict;
import kol.gonogo.GoNoGo;
import kol.gonogo.GoNoGoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./kol gonogo LOGFILE…}: GO or NO-GO per call from Kol's {@code [TX]} log lines. */
@Command(name = "gonogo", mixinStandardHelpOptions = true,
        description = "Reads Kol's logs and gives each call GO or NO-GO by the production checklist: fps 49-51 in "
                + "every second of bot speech, q < 20 in 95 %% of them, no drops, no 'Send queue full', "
                + "a [TX] greeting_end. Exit 0 when every call found is GO, 1 otherwise, 2 for unreadable files.")
public final class GoNoGoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "LOGFILE", description = "Log files (plain or JSON lines).")
    List<File> logFiles;

    @Option(names = "--call", paramLabel = "CALL_ID", description = "Only this call (Twilio's callSid).")
    String callId;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the verdicts as JSON to this file.")
    File json;

    @Override
    public Integer call() throws Exception {
        GoNoGo check = new GoNoGo();
        for (File file : logFiles) {
            if (!file.isFile() || !file.canRead()) {
                System.err.println("kol gonogo: cannot read " + file);
                return 2;
            }
            // The default decoder replaces malformed bytes instead of failing, so a log with a torn line reads.
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file.toPath()),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(check::accept);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("kol gonogo: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        List<CallVerdict> verdicts = callId == null ? check.verdicts()
                : check.verdicts().stream().filter(v -> v.callId().equals(callId)).toList();
        if (verdicts.isEmpty()) {
            System.out.println(callId == null ? "No call found: no [TX] lines in " + logFiles
                    : "Call " + callId + " not found: no [TX] lines for it in " + logFiles);
        }
        System.out.print(GoNoGoReport.text(verdicts));
        if (json != null) {
            try {
                Files.writeString(json.toPath(), GoNoGoReport.json(verdicts).encodePrettily() + "\n");
            } catch (IOException e) {
                System.err.println("kol gonogo: cannot write " + json + ": " + e.getMessage());
                return 2;
            }
        }
        return GoNoGo.allGo(verdicts) ? 0 : 1;
    }
}
