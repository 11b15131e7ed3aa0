package kol.provider.flow;

import java.util.List;

/**
 * One point of a flow: what is said on arriving and what the caller can do there.
 *
 * @param id the node's name in the flow file
 * @param prompt said on arriving, after the reply that led here
 * @param unrecognised said when the caller spoke but no words were recognised (the node's or the flow's)
 * @param fallback said when speech or a key matched no intent (the node's or the flow's)
 * @param intents the node's own intents, tried before the flow's global ones
 */
record FlowNode(String id, Speech prompt, Speech unrecognised, Speech fallback, List<Intent> intents) {

    FlowNode {
        intents = List.copyOf(intents);
    }
}
