package kol.carrier;

/**
 * A mark came back from the carrier, classified.
 *
 * @param name the mark's name
 * @param outcome played, cleared (sent before a clear) or unknown
 * @param mediaFramesBefore media frames sent before the mark (heard, when played); -1 when unknown
 * @param sentAtNs when the mark was sent (System.nanoTime), or 0 when unknown
 * @param echoedAtNs when the echo arrived (System.nanoTime)
 */
public record MarkEcho(String name, MarkOutcome outcome, long mediaFramesBefore, long sentAtNs, long echoedAtNs) {

    /** From the mark being sent to its echo, in ns (0 when unknown). */
    public long delayNs() {
        return sentAtNs == 0 ? 0 : echoedAtNs - sentAtNs;
    }
}
