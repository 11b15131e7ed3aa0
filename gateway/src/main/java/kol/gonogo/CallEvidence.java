package kol.gonogo;

import org.agrona.collections.IntArrayList;

/** What the log says about one call so far. One owner thread (the {@link GoNoGo} that collects it). */
final class CallEvidence {
    /**
     * A second counts as bot speech when the bot had audio waiting at every deadline of it. At least 50 rather
     * than exactly 50: a second stretched by a late tick can hold one more deadline.
     */
    static final int SPEECH_BUSY = 50;

    final String callId;
    int txSeconds;
    final IntArrayList speechFps = new IntArrayList();
    final IntArrayList speechQ = new IntArrayList();
    long drops;
    int sendQueueFull;
    boolean greetingEnd;
    Long greetingEndDelayMs;

    CallEvidence(String callId) {
        this.callId = callId;
    }

    void add(LogEvent event) {
        if (event instanceof LogEvent.Second second) {
            txSeconds++;
            drops = Math.max(drops, second.drops());
            if (second.busy() >= SPEECH_BUSY) {
                speechFps.addInt(second.fps());
                speechQ.addInt(second.q());
            }
        } else if (event instanceof LogEvent.GreetingEnd greeting) {
            greetingEnd = true;
            if (greeting.played() && greeting.delayMs() != null) {
                greetingEndDelayMs = greeting.delayMs();
            }
        } else if (event instanceof LogEvent.SendQueueFull) {
            sendQueueFull++;
        }
    }

    int speechSeconds() {
        return speechFps.size();
    }
}
