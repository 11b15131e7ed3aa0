package kol.provider.flow;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The flow file being read, by the name it was given, and errors placed in it.
 *
 * @param name the file name (or path) to print in front of every error
 */
record FlowSource(String name) {

    FlowException at(Node node, String reason) {
        return at(node.getStartMark(), reason);
    }

    /** The parser counts lines and columns from 0; people and editors count from 1. */
    FlowException at(Optional<Mark> mark, String reason) {
        int line = mark.map(Mark::getLine).orElse(0) + 1;
        int column = mark.map(Mark::getColumn).orElse(0) + 1;
        return new FlowException(name, line, column, reason);
    }

    /** The line of a node, from 1, for messages that point back at an earlier place. */
    static int lineOf(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }
}
