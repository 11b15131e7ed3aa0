package kol.audio.vad;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A loaded Silero VAD model (ONNX), shared by all calls: {@link #create()} gives each call its own {@link
 * SileroVad} with its own recurrent state. ONNX Runtime sessions may be run from many threads at once, so
 * one session serves every call.
 *
 * <p>Both published graph shapes are accepted and told apart by their inputs: v4 ({@code input}, {@code sr},
 * {@code h}, {@code c}; LSTM state 2×1×64 each) and v5 ({@code input}, {@code state}, {@code sr}; state
 * 2×1×128, and at 8 kHz each window is preceded by the previous window's last 32 samples, as Silero's own
 * wrapper does; v6 files have the same graph). At 8 kHz both take 256-sample (32 ms) windows.
 */
public final class SileroModel implements VadFactory, AutoCloseable {

    /** Where the {@code VAD_MODEL} setting points by default, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("models", "silero_vad.onnx");

    /** Samples per inference at 8 kHz; 160 (one frame) is rejected by the model's first convolution. */
    static final int WINDOW_SAMPLES = 256;
    /** v5 at 8 kHz: samples of the previous window prepended to each one. */
    static final int V5_CONTEXT_SAMPLES = 32;

    /** The graph's inputs: {@code V5} is also what v6 files have. */
    public enum Version { V4, V5 }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Version version;
    private final Path file;

    private SileroModel(OrtEnvironment environment, OrtSession session, Version version, Path file) {
        this.environment = environment;
        this.session = session;
        this.version = version;
        this.file = file;
    }

    /**
     * Loads the model at {@code file}.
     *
     * @throws VadModelException naming the file and what is wrong: absent, unreadable, not ONNX, or an ONNX
     *                           graph without Silero's inputs
     */
    public static SileroModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VadModelException("Silero VAD model not found at " + file.toAbsolutePath()
                    + " (setting VAD_MODEL); fetch it with docs/fetch-silero-model.sh, or point VAD_MODEL at no file"
                    + " to use the energy VAD");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread per inference: a window is 32 ms of audio and tiny work; parallelism comes from calls.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new VadModelException("cannot load " + file.toAbsolutePath() + " as an ONNX model: "
                    + firstLine(e.getMessage()), e);
        }
        try {
            return new SileroModel(environment, session, versionOf(session, file), file);
        } catch (VadModelException e) {
            closeQuietly(session);
            throw e;
        }
    }

    @Override
    public SileroVad create() {
        return new SileroVad(this);
    }

    /** The graph shape found in the file. */
    public Version version() {
        return version;
    }

    public Path file() {
        return file;
    }

    OrtEnvironment environment() {
        return environment;
    }

    OrtSession session() {
        return session;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static Version versionOf(OrtSession session, Path file) {
        Map<String, NodeInfo> inputs;
        try {
            inputs = session.getInputInfo();
        } catch (OrtException e) {
            throw new VadModelException("cannot read the inputs of " + file.toAbsolutePath(), e);
        }
        Set<String> names = inputs.keySet();
        if (names.equals(Set.of("input", "sr", "h", "c"))) {
            return Version.V4;
        }
        if (names.equals(Set.of("input", "state", "sr"))) {
            return Version.V5;
        }
        throw new VadModelException(file.toAbsolutePath() + " is an ONNX model but not Silero VAD: its inputs are "
                + names + ", expected [input, sr, h, c] (v4) or [input, state, sr] (v5)");
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing frees native memory; nothing useful is left to do if that fails.
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
