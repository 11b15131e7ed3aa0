package kol.provider.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether espeak-ng can speak with the configured voice, for the launcher and start-up to report.
 *
 * @param ok      true when the program runs and the voice loads
 * @param message what was found ("espeak-ng 1.51, voice he"), or what is wrong and the command that fixes it
 */
public record EspeakCheck(boolean ok, String message) {

    /** Each probe exits in about 10 ms; this bounds a broken install, not a slow one. */
    static final long PROBE_TIMEOUT_MS = 5_000;
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");

    /** Runs {@code espeak-ng --version}, then the synthesis command with empty input so the voice must load. */
    static EspeakCheck of(EspeakOptions options) {
        try {
            String version = version(options.executable());
            Process voiceProbe = EspeakProcess.start(options.synthesisCommand());
            try {
                voiceProbe.getOutputStream().close();
                int status = exitStatus(voiceProbe);
                if (status != 0) {
                    return new EspeakCheck(false, EspeakProcess.describeExit(voiceProbe, status, options.voice(), 0));
                }
            } finally {
                EspeakProcess.release(voiceProbe);
            }
            return new EspeakCheck(true, "espeak-ng " + version + ", voice " + options.voice());
        } catch (IOException e) {
            return new EspeakCheck(false, e.getMessage());
        }
    }

    private static String version(String executable) throws IOException {
        Process probe = EspeakProcess.start(List.of(executable, "--version"));
        try {
            int status = exitStatus(probe);
            // Its one line fits the pipe buffer, so it is all there once the process has exited.
            String out;
            try (InputStream stdout = probe.getInputStream()) {
                out = new String(stdout.readNBytes(1_024), StandardCharsets.UTF_8).strip();
            }
            if (status != 0) {
                throw new IOException(EspeakProcess.describeExit(probe, status, "", 0) + "; is " + executable
                        + " espeak-ng? Reinstall it with `" + EspeakProcess.INSTALL_COMMAND + "`");
            }
            Matcher version = VERSION.matcher(out);
            return version.find() ? version.group(1) : "(" + out + ")";
        } finally {
            EspeakProcess.release(probe);
        }
    }

    private static int exitStatus(Process probe) throws IOException {
        try {
            if (!probe.waitFor(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IOException("espeak-ng did not answer within " + PROBE_TIMEOUT_MS + " ms");
            }
            return probe.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking espeak-ng", e);
        }
    }
}
