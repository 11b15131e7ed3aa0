package kol.provider.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kol.provider.dialog.DialogAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool calls as they stream in: a name first, then the arguments in JSON fragments, keyed by the index the
 * provider gives each call (OpenAI {@code tool_calls[].index}, Anthropic content block {@code index}). Read whole
 * only at the end, in index order. Used by one decoder thread.
 */
public final class ToolCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCalls.class);

    private final Map<Integer, Call> calls = new TreeMap<>();

    private static final class Call {
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
    }

    /** Names call {@code index} (a repeated name is ignored: some servers repeat it in every fragment). */
    public void name(int index, String name) {
        Call call = calls.computeIfAbsent(index, i -> new Call());
        if (call.name.isEmpty() && name != null) {
            call.name = name;
        }
    }

    /** Adds a fragment of call {@code index}'s arguments. */
    public void arguments(int index, String fragment) {
        if (fragment != null) {
            calls.computeIfAbsent(index, i -> new Call()).arguments.append(fragment);
        }
    }

    /** The actions the calls ask for, in index order; calls to tools Kol does not offer are logged and dropped. */
    public List<DialogAction> actions() {
        List<DialogAction> actions = new ArrayList<>();
        for (Call call : calls.values()) {
            DialogTools.action(call.name, call.arguments.toString()).ifPresentOrElse(actions::add,
                    () -> LOG.warn("The model called a tool Kol does not offer: \"{}\"; ignored", call.name));
        }
        return actions;
    }
}
