package kol.provider.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import kol.carrier.CallInfo;
import kol.provider.dialog.Dialog;
import kol.provider.dialog.DialogSession;

/**
 * A dialog scripted by a flow file (see docs/flows.md): key presses and keywords move the caller between nodes,
 * each with its prompt, replies and actions. It needs no recogniser: with none, every turn is a key press or
 * unrecognised speech, and a flow written for keys runs whole.
 *
 * <p>Thread-safe: the flow is immutable and shared; each call gets its own {@link DialogSession}.
 */
public final class FlowDialog implements Dialog {
    private static final Map<String, String> BUILT_IN = Map.of(
            "he-IL", "flows/clinic-he.yaml",
            "en-US", "flows/clinic-en.yaml");

    private final Flow flow;
    private final Executor delivery;

    private FlowDialog(Flow flow, Executor delivery) {
        this.flow = flow;
        this.delivery = delivery;
    }

    /**
     * Loads and checks a flow file (FLOW_FILE).
     *
     * @throws FlowException if the file is not a valid flow; the message has the file, line, column and reason
     * @throws IOException if the file cannot be read
     */
    public static FlowDialog load(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The flow shipped for a language: the clinic front desk in he-IL or en-US.
     *
     * @throws IllegalArgumentException for any other language
     */
    public static FlowDialog builtIn(String language) {
        String resource = BUILT_IN.get(language);
        if (resource == null) {
            throw new IllegalArgumentException("no built-in flow for language \"" + language + "\"; there are: "
                    + String.join(", ", FlowReader.LANGUAGES));
        }
        try (InputStream in = FlowDialog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in flow " + resource + " is missing from the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a flow from text; {@code fileName} is only for messages. */
    static FlowDialog parse(String fileName, String yaml) throws FlowException {
        return new FlowDialog(FlowReader.read(fileName, yaml), Runnable::run);
    }

    /**
     * This flow, with replies handed to listeners on {@code executor} instead of on the thread that calls
     * {@code respond}; the walk through the flow still happens on the calling thread, in turn order.
     */
    public FlowDialog deliveringOn(Executor executor) {
        return new FlowDialog(flow, Objects.requireNonNull(executor, "executor"));
    }

    /** The language the flow is written in, e.g. he-IL. */
    public String language() {
        return flow.language();
    }

    @Override
    public DialogSession open(CallInfo call) {
        return new FlowSession(flow, delivery);
    }

    @Override
    public String name() {
        return "flow:" + flow.name();
    }

    Flow flow() {
        return flow;
    }
}
