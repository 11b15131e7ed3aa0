package kol.gonogo;

import java.util.List;

/**
 * GO or NO-GO for one call, with a reason (numbers included) for every rule the call failed.
 *
 * @param callId the call id of the log lines (Twilio's callSid)
 * @param go true when no rule failed
 * @param reasons one line per failed rule; empty for GO
 * @param figures what the rules looked at
 */
public record CallVerdict(String callId, boolean go, List<String> reasons, CallFigures figures) {

    public CallVerdict {
        reasons = List.copyOf(reasons);
    }

    /** {@code GO} or {@code NO-GO}. */
    public String verdict() {
        return go ? "GO" : "NO-GO";
    }
}
