package kol.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import kol.audio.Tones;
import kol.carrier.CallApp;
import kol.carrier.CallListener;
import kol.carrier.CallSession;
import kol.carrier.MarkEcho;
import kol.tx.Frame;
import kol.tx.TxLogReporter;
import kol.tx.TxPlayer;

/**
 * A test application: greets with {@code greetingMs} of tone and the greeting_end mark, records every event per
 * call, and on DTMF '9' barges in (flush, clear); on '8' speaks a sentence with a mark; on '0' hangs up.
 */
final class RecordingApp implements CallApp {
    final Map<String, CallSession> sessions = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> audioFrames = new ConcurrentHashMap<>();
    final Map<String, List<String>> events = new ConcurrentHashMap<>();
    private final byte[] greeting;
    private final Executor producers;
    volatile boolean closed;

    RecordingApp(int greetingMs, Executor producers) {
        this.greeting = Tones.sineMuLaw(440, -12, greetingMs);
        this.producers = producers;
    }

    @Override
    public CallListener onCall(CallSession session) {
        String id = session.info().callId();
        sessions.put(id, session);
        AtomicLong frames = audioFrames.computeIfAbsent(id, k -> new AtomicLong());
        List<String> log = events.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        TxPlayer.play(session.tx(), greeting, Frame.mark(TxLogReporter.GREETING_END), producers);
        return new CallListener() {
            @Override
            public void onAudio(byte[] ulaw, int off) {
                frames.incrementAndGet();
            }

            @Override
            public void onDtmf(char digit) {
                log.add("dtmf:" + digit);
                switch (digit) {
                    case '9' -> {
                        session.tx().flushMedia();
                        session.tx().offer(Frame.clear());
                    }
                    case '8' -> TxPlayer.play(session.tx(), Tones.sineMuLaw(600, -12, 400), Frame.mark("sentence"),
                            producers);
                    case '0' -> session.hangUp("caller pressed 0");
                    default -> {
                    }
                }
            }

            @Override
            public void onMark(MarkEcho echo) {
                log.add("mark:" + echo.name() + ":" + echo.outcome());
            }

            @Override
            public void onEnd(String reason) {
                log.add("end:" + reason);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
