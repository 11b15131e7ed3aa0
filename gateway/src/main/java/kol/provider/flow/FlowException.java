package kol.provider.flow;

import java.io.IOException;

/**
 * A flow file Kol cannot run. The message reads {@code file:line:column: reason}, the way compilers report, so an
 * editor or a terminal can jump to the spot; line and column count from 1.
 */
public final class FlowException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public FlowException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The file as it was named when loaded. */
    public String file() {
        return file;
    }

    /** The line of the fault, from 1. */
    public int line() {
        return line;
    }

    /** The column of the fault, from 1. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
