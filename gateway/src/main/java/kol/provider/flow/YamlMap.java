package kol.provider.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One mapping of a flow file, read key by key. It refuses unknown and repeated keys up front, so a misspelt key is an
 * error at its line rather than a setting silently ignored, and each reader below names the type it wanted.
 */
final class YamlMap {
    private final FlowSource source;
    private final String context;
    private final Node node;
    private final Map<String, NodeTuple> entries;

    private YamlMap(FlowSource source, String context, Node node, Map<String, NodeTuple> entries) {
        this.source = source;
        this.context = context;
        this.node = node;
        this.entries = entries;
    }

    /**
     * Reads {@code node} as a mapping.
     *
     * @param context what errors inside it start with, e.g. {@code node "main": }
     * @param what what the mapping is, for the error when it is something else
     * @param keys the keys it may have, or empty for any key (the ids of the nodes)
     */
    static YamlMap of(FlowSource source, Node node, String context, String what, List<String> keys)
            throws FlowException {
        if (!(node instanceof MappingNode mapping)) {
            throw source.at(node, context + what + " should be a mapping of keys, not " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node key = entry.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw source.at(key, context + "a key should be a plain name, not " + describe(key));
            }
            String name = scalar.getValue();
            if (!keys.isEmpty() && !keys.contains(name)) {
                throw source.at(key, context + "unknown key \"" + name + "\"; expected one of: "
                        + String.join(", ", keys));
            }
            NodeTuple first = entries.putIfAbsent(name, entry);
            if (first != null) {
                throw source.at(key, context + "\"" + name + "\" is given twice (first at line "
                        + FlowSource.lineOf(first.getKeyNode()) + ")");
            }
        }
        return new YamlMap(source, context, node, entries);
    }

    /** The mapping's own node, to place errors about it as a whole. */
    Node node() {
        return node;
    }

    /** The entries in file order. */
    Iterable<NodeTuple> entries() {
        return entries.values();
    }

    /** The value of {@code key}, or null when the key is absent. */
    Node value(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? null : entry.getValueNode();
    }

    /** The text of {@code key}, or null when the key is absent; present but empty is an error. */
    String text(String key) throws FlowException {
        Node value = value(key);
        return value == null ? null : text(key, value);
    }

    String requiredText(String key) throws FlowException {
        String text = text(key);
        if (text == null) {
            throw error(node, "missing \"" + key + "\"");
        }
        return text;
    }

    /** The text of one value; numbers and the like count as text, since a reply may well be "24/7". */
    String text(String key, Node value) throws FlowException {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, "\"" + key + "\" should be text, not " + describe(value));
        }
        if (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank()) {
            throw error(value, "\"" + key + "\" is empty");
        }
        return scalar.getValue();
    }

    /** The items of a list under {@code key}; a single value counts as a list of one, an absent key as none. */
    List<Node> items(String key) throws FlowException {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (value instanceof ScalarNode) {
            return List.of(value);
        }
        throw error(value, "\"" + key + "\" should be a list, not " + describe(value));
    }

    FlowException error(Node at, String reason) {
        return source.at(at, context + reason);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? "empty" : "\"" + scalar.getValue() + "\"";
        }
        return "a " + node.getNodeType();
    }
}
