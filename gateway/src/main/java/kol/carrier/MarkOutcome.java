package kol.carrier;

/** What a mark's echo means. The carrier's echo is identical for both, so Kol tells them apart itself. */
public enum MarkOutcome {
    /** The audio before the mark has played to the caller. */
    PLAYED,
    /** The mark was sent before a clear: its audio was discarded, not played. */
    CLEARED,
    /** An echo of a mark Kol never sent (or already saw echoed). */
    UNKNOWN
}
