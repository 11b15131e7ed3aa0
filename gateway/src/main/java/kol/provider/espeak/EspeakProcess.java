package kol.provider.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Starts espeak-ng, never through a shell, and turns its failures into messages that say what to do. */
final class EspeakProcess {

    static final String INSTALL_COMMAND = "sudo apt-get install espeak-ng";
    /** Debian ships every voice, he and en-us among them, in espeak-ng-data (a dependency of espeak-ng). */
    static final String VOICES_INSTALL_COMMAND = "sudo apt-get install espeak-ng-data";
    /** espeak-ng's stderr is a line or two; more is cut so a runaway cannot fill a log line. */
    private static final int STDERR_LIMIT_BYTES = 2_048;

    private EspeakProcess() {
    }

    /** Starts {@code command}; a program that cannot be run fails with the install command in the message. */
    static Process start(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException(notFound(command.get(0)) + " (" + e.getMessage() + ")", e);
        }
    }

    static String notFound(String executable) {
        String where;
        if (executable.indexOf('/') >= 0) {
            where = "at " + executable;
        } else if (EspeakOptions.DEFAULT_EXECUTABLE.equals(executable)) {
            where = "on PATH";
        } else {
            where = "on PATH as '" + executable + "'";
        }
        return "espeak-ng not found " + where + ": install it with `" + INSTALL_COMMAND + "`";
    }

    /**
     * What went wrong with a process that exited with {@code status}, from its stderr; call it only after the exit,
     * when reading stderr cannot block.
     */
    static String describeExit(Process process, int status, String voice, long audioBytes) {
        String stderr = stderr(process);
        StringBuilder message = new StringBuilder("espeak-ng exited with status ").append(status)
                .append(audioBytes == 0 ? " before any audio" : " after " + audioBytes + " bytes of audio");
        if (!stderr.isEmpty()) {
            message.append(": ").append(stderr);
        }
        if (stderr.contains("voice does not exist")) {
            message.append(" (voice '").append(voice).append("'; list the installed ones with `espeak-ng --voices`,")
                    .append(" install them with `").append(VOICES_INSTALL_COMMAND).append("`)");
        }
        return message.toString();
    }

    /** Up to {@link #STDERR_LIMIT_BYTES} of stderr on one line, or "" when it cannot be read. */
    static String stderr(Process process) {
        try (InputStream err = process.getErrorStream()) {
            byte[] bytes = err.readNBytes(STDERR_LIMIT_BYTES);
            return new String(bytes, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " / ");
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills {@code process} if it still runs and closes our ends of its pipes. */
    static void release(Process process) {
        process.destroyForcibly();
        closeQuietly(process.getOutputStream());
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    private static void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // Closing our end of a pipe to a dead process has nothing left to report.
        }
    }
}
