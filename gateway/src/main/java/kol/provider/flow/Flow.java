package kol.provider.flow;

import java.util.List;
import java.util.Map;

/**
 * A loaded, checked flow: every {@code next} names a node, every node has its fallback and unrecognised lines.
 * Immutable, so one instance serves every call.
 *
 * @param name the flow's name, for logs
 * @param language the BCP 47 tag of its words, e.g. he-IL
 * @param greeting said when the call starts, before the start node's prompt
 * @param start the id of the first node
 * @param nodes every node by id
 * @param intents the global intents, open from every node
 */
record Flow(String name, String language, Speech greeting, String start, Map<String, FlowNode> nodes,
        List<Intent> intents) {

    Flow {
        nodes = Map.copyOf(nodes);
        intents = List.copyOf(intents);
    }

    FlowNode node(String id) {
        return nodes.get(id);
    }

    /** The first intent of the node, then of the flow, that the key selects; null when none does. */
    Intent intentFor(FlowNode node, char digit) {
        for (Intent intent : node.intents()) {
            if (intent.answers(digit)) {
                return intent;
            }
        }
        for (Intent intent : intents) {
            if (intent.answers(digit)) {
                return intent;
            }
        }
        return null;
    }

    /**
     * The intent, of the node or of the flow, with the longest keyword in the words (in words, not letters), so
     * "didn't hear" beats "no" and the more specific phrase wins; on a tie the node's intents come before the flow's,
     * and earlier before later. Null when no keyword is found.
     */
    Intent intentFor(FlowNode node, Words words) {
        Intent best = null;
        int bestLength = 0;
        for (List<Intent> candidates : List.of(node.intents(), intents)) {
            for (Intent intent : candidates) {
                int length = intent.longestMatch(words);
                if (length > bestLength) {
                    best = intent;
                    bestLength = length;
                }
            }
        }
        return best;
    }
}
