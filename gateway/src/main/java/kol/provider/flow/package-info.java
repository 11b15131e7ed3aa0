/** A dialog scripted in a YAML flow file: nodes, intents by keyword or key press, replies, hand-off and hang-up. */
package kol.provider.flow;
