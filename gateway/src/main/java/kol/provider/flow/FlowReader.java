package kol.provider.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a flow file into a checked {@link Flow}, or fails with the first fault and where it is.
 *
 * <p>It works on the YAML node tree rather than on plain maps because only the tree keeps each value's line and
 * column. The checks are the ones that would otherwise surface mid-call: a {@code goto} to nowhere, a key that two
 * intents of one node both claim, a node with nothing to say when the caller is not understood.
 */
final class FlowReader {

    /** The languages a flow may be written in. */
    static final List<String> LANGUAGES = List.of("he-IL", "en-US");

    private static final List<String> FLOW_KEYS =
            List.of("name", "language", "greeting", "start", "fallback", "unrecognised", "intents", "nodes");
    private static final List<String> NODE_KEYS = List.of("prompt", "unrecognised", "fallback", "intents");
    private static final List<String> INTENT_KEYS = List.of("keywords", "dtmf", "reply", "goto", "action", "target");
    private static final List<String> ANY_KEY = List.of();
    private static final String KEYS = "0123456789*#ABCD";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final FlowSource source;
    private final List<Reference> references = new ArrayList<>();

    /** A {@code goto} to check once every node is known. */
    private record Reference(String node, Node at, String context) {
    }

    private FlowReader(FlowSource source) {
        this.source = source;
    }

    /**
     * Reads one flow.
     *
     * @param fileName the name to put in front of errors
     * @param yaml the file's text
     */
    static Flow read(String fileName, String yaml) throws FlowException {
        return new FlowReader(new FlowSource(fileName)).read(yaml);
    }

    private Flow read(String yaml) throws FlowException {
        YamlMap top = YamlMap.of(source, compose(yaml), "", "a flow", FLOW_KEYS);
        String name = top.text("name");
        String language = language(top);
        Speech greeting = Speech.of(top.text("greeting"));
        Speech fallback = Speech.of(top.text("fallback"));
        Speech unrecognised = Speech.of(top.text("unrecognised"));
        List<Intent> global = intents(top, "intents: ");
        Map<String, FlowNode> nodes = nodes(top, fallback, unrecognised);
        String start = top.requiredText("start");
        if (!nodes.containsKey(start)) {
            throw source.at(top.value("start"), "start \"" + start + "\" is not a defined node");
        }
        for (Reference reference : references) {
            if (!nodes.containsKey(reference.node())) {
                throw source.at(reference.at(),
                        reference.context() + "goto \"" + reference.node() + "\" is not a defined node");
            }
        }
        return new Flow(name == null ? stem(source.name()) : name, language, greeting, start, nodes, global);
    }

    private Node compose(String yaml) throws FlowException {
        LoadSettings settings = LoadSettings.builder().setLabel(source.name()).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            String context = e.getContext() == null || e.getContext().isBlank() ? "" : " (" + e.getContext() + ")";
            // A bare * starts a YAML alias: the likeliest cause in a flow file is the star key left unquoted.
            String hint = context.contains("alias") ? "; write the star key in quotes: \"*\"" : "";
            String problem = WHITESPACE.matcher(e.getProblem()).replaceAll(" ");
            throw source.at(e.getProblemMark(), "not valid YAML: " + problem + context + hint);
        } catch (YamlEngineException e) {
            throw source.at(Optional.empty(), "not valid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            throw source.at(Optional.empty(), "the file is empty");
        }
        return root.get();
    }

    private String language(YamlMap top) throws FlowException {
        String language = top.requiredText("language");
        if (!LANGUAGES.contains(language)) {
            throw source.at(top.value("language"), "language \"" + language + "\" is not supported; use one of: "
                    + String.join(", ", LANGUAGES));
        }
        return language;
    }

    private Map<String, FlowNode> nodes(YamlMap top, Speech fallback, Speech unrecognised) throws FlowException {
        Node value = top.value("nodes");
        if (value == null) {
            throw source.at(top.node(), "missing \"nodes\"");
        }
        YamlMap nodes = YamlMap.of(source, value, "", "\"nodes\"", ANY_KEY);
        Map<String, FlowNode> byId = new LinkedHashMap<>();
        for (NodeTuple entry : nodes.entries()) {
            ScalarNode key = (ScalarNode) entry.getKeyNode();
            byId.put(key.getValue(), node(key, entry.getValueNode(), fallback, unrecognised));
        }
        if (byId.isEmpty()) {
            throw source.at(value, "\"nodes\" is empty; a flow needs at least its start node");
        }
        return byId;
    }

    private FlowNode node(ScalarNode key, Node value, Speech flowFallback, Speech flowUnrecognised)
            throws FlowException {
        String id = key.getValue();
        String context = "node \"" + id + "\": ";
        YamlMap node = YamlMap.of(source, value, context, "a node", NODE_KEYS);
        Speech fallback = Speech.of(node.text("fallback"));
        Speech unrecognised = Speech.of(node.text("unrecognised"));
        if (fallback.isEmpty() && flowFallback.isEmpty()) {
            throw source.at(key, context + "no \"fallback\" here and none for the whole flow");
        }
        if (unrecognised.isEmpty() && flowUnrecognised.isEmpty()) {
            throw source.at(key, context + "no \"unrecognised\" here and none for the whole flow");
        }
        return new FlowNode(id, Speech.of(node.text("prompt")),
                unrecognised.isEmpty() ? flowUnrecognised : unrecognised,
                fallback.isEmpty() ? flowFallback : fallback,
                intents(node, context));
    }

    private List<Intent> intents(YamlMap owner, String context) throws FlowException {
        Node value = owner.value("intents");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode list)) {
            throw source.at(value, context + "\"intents\" should be a list (each intent starting with \"- \"), not "
                    + YamlMap.describe(value));
        }
        Map<Character, Node> digitsTaken = new HashMap<>();
        List<Intent> intents = new ArrayList<>();
        for (Node item : list.getValue()) {
            intents.add(intent(item, context, digitsTaken));
        }
        return intents;
    }

    private Intent intent(Node item, String context, Map<Character, Node> digitsTaken) throws FlowException {
        YamlMap intent = YamlMap.of(source, item, context, "an intent", INTENT_KEYS);
        List<Keyword> keywords = keywords(intent);
        String digits = digits(intent, digitsTaken);
        if (keywords.isEmpty() && digits.isEmpty()) {
            throw intent.error(item, "an intent needs \"keywords\" or \"dtmf\", or both");
        }
        Speech reply = Speech.of(intent.text("reply"));
        String next = intent.text("goto");
        Intent.Action action = action(intent);
        String target = intent.text("target");
        if (action == Intent.Action.HAND_OFF && target == null) {
            throw intent.error(intent.value("action"), "action hand_off needs a \"target\" (a number or queue name)");
        }
        if (action != Intent.Action.HAND_OFF && target != null) {
            throw intent.error(intent.value("target"), "\"target\" goes only with action hand_off");
        }
        if (action == Intent.Action.REPEAT && (!reply.isEmpty() || next != null)) {
            throw intent.error(intent.value("action"),
                    "action repeat says the last reply again; it takes no \"reply\" or \"goto\"");
        }
        if ((action == Intent.Action.HANG_UP || action == Intent.Action.HAND_OFF) && next != null) {
            String why = action == Intent.Action.HANG_UP ? "ends the call" : "passes the call on";
            throw intent.error(intent.value("goto"),
                    "action " + action.yamlName() + " " + why + "; \"goto\" would never be reached");
        }
        if (reply.isEmpty() && next == null && action == Intent.Action.NONE) {
            throw intent.error(item, "an intent needs a \"reply\", a \"goto\" or an \"action\"");
        }
        if (next != null) {
            references.add(new Reference(next, intent.value("goto"), context));
        }
        return new Intent(keywords, digits, reply, next, action, target == null ? "" : target);
    }

    private List<Keyword> keywords(YamlMap intent) throws FlowException {
        List<Keyword> keywords = new ArrayList<>();
        for (Node value : intent.items("keywords")) {
            Keyword keyword = Keyword.of(intent.text("keywords", value));
            if (keyword.tokens().isEmpty()) {
                throw intent.error(value, "keyword \"" + keyword.written() + "\" has no letters or digits");
            }
            keywords.add(keyword);
        }
        return keywords;
    }

    private String digits(YamlMap intent, Map<Character, Node> digitsTaken) throws FlowException {
        StringBuilder digits = new StringBuilder();
        for (Node value : intent.items("dtmf")) {
            if (value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
                // A bare # starts a comment, which leaves the key empty.
                throw intent.error(value, "dtmf is empty; write the hash key in quotes: \"#\"");
            }
            String key = intent.text("dtmf", value).toUpperCase(Locale.ROOT);
            if (key.length() != 1 || KEYS.indexOf(key.charAt(0)) < 0) {
                throw intent.error(value, "dtmf \"" + key + "\" is not one key of 0-9, *, #, A-D"
                        + (key.length() > 1 ? "; list several keys as [1, 2]" : ""));
            }
            Node first = digitsTaken.putIfAbsent(key.charAt(0), value);
            if (first != null) {
                throw intent.error(value, "key " + key + " is already taken by the intent at line "
                        + FlowSource.lineOf(first));
            }
            digits.append(key);
        }
        return digits.toString();
    }

    private Intent.Action action(YamlMap intent) throws FlowException {
        String name = intent.text("action");
        if (name == null) {
            return Intent.Action.NONE;
        }
        for (Intent.Action action : Intent.Action.values()) {
            if (action != Intent.Action.NONE && action.yamlName().equals(name)) {
                return action;
            }
        }
        throw intent.error(intent.value("action"), "action \"" + name + "\" is not one of: hang_up, hand_off, repeat");
    }

    /** "flows/clinic.yaml" → "clinic": the name of a flow that gives none. */
    private static String stem(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
