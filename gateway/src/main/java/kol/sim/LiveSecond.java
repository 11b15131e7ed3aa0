package kol.sim;

import java.util.Locale;

/**
 * One second of a run, for the live line.
 *
 * @param elapsedS seconds since the run began
 * @param started calls started
 * @param connected calls whose stream opened
 * @param failed calls that could not connect
 * @param ended calls over (completed, dropped or failed)
 * @param framesSent caller frames sent in the last second (all calls)
 * @param framesReceived bot frames received in the last second (all calls)
 * @param bufferMaxMs deepest playout buffer of any call in the last second
 * @param underruns underruns so far
 * @param marks marks echoed so far
 * @param clears clears so far
 * @param invalid invalid messages so far
 * @param lagMaxMs the latest any frame of the simulator's own went out in the last second: its lag, not the server's
 */
public record LiveSecond(long elapsedS, int started, int connected, int failed, int ended, long framesSent,
        long framesReceived, long bufferMaxMs, long underruns, long marks, long clears, long invalid,
        double lagMaxMs) {

    /** One call: {@code 5s  sent 50/s  recv 50/s  buffer 40 ms  underruns 0  marks 1  …  sim lag 0.2 ms}. */
    public String callLine() {
        return String.format(Locale.ROOT, "%4ds  sent %d/s  recv %d/s  buffer %d ms  underruns %d  marks %d  "
                + "clears %d  invalid %d  sim lag %.1f ms", elapsedS, framesSent, framesReceived, bufferMaxMs,
                underruns, marks, clears, invalid, lagMaxMs);
    }

    /** Many calls: the same figures summed, plus how many calls are up. */
    public String loadLine() {
        int active = connected - (ended - failed);
        return String.format(Locale.ROOT, "%4ds  calls %d active, %d connected, %d failed  sent %d/s  recv %d/s  "
                + "buffer max %d ms  underruns %d  marks %d  clears %d  invalid %d  sim lag max %.1f ms", elapsedS,
                active, connected, failed, framesSent, framesReceived, bufferMaxMs, underruns, marks, clears, invalid,
                lagMaxMs);
    }
}
