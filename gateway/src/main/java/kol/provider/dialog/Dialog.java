package kol.provider.dialog;

import kol.carrier.CallInfo;

/** A dialog provider (a scripted flow, an LLM). Thread-safe; one {@link DialogSession} per call. */
public interface Dialog {

    /** Starts the conversation of one call. */
    DialogSession open(CallInfo call);

    /** A short name for logs, e.g. "flow:clinic-he". */
    String name();
}
