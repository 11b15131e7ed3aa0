package kol.gonogo;

/** One fact about one call, read from a log line by {@link TxLogParser}. */
sealed interface LogEvent {

    String callId();

    /** A per-second {@code [TX] fps=… q=… drops=… busy=…} line. {@code busy} is -1 when the line has none. */
    record Second(String callId, int fps, int q, long drops, int busy) implements LogEvent {
    }

    /** {@code [TX] greeting_end call=…} (sent), or {@code [TX] greeting_end played call=… delay=…ms} (echoed). */
    record GreetingEnd(String callId, boolean played, Long delayMs) implements LogEvent {
    }

    /** {@code Send queue full, dropping frame: …}: the socket's send queue overflowed in one second. */
    record SendQueueFull(String callId) implements LogEvent {
    }
}
