package kol.carrier.twilio;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kol.carrier.CallApp;
import kol.tx.TxPacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts Twilio media stream upgrades up to {@code MAX_CALLS} at once and keeps the sessions in progress.
 * Thread-safe.
 */
public final class MediaStreamEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger("kol.server");

    private final Vertx vertx;
    private final CallApp app;
    private final TxPacer pacer;
    private final MediaStreamConfig config;
    private final int maxCalls;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Set<MediaStreamSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    public MediaStreamEndpoint(Vertx vertx, CallApp app, TxPacer pacer, MediaStreamConfig config, int maxCalls) {
        this.vertx = vertx;
        this.app = app;
        this.pacer = pacer;
        this.config = config;
        this.maxCalls = maxCalls;
    }

    /** Upgrades {@code request} to a media stream, or answers 503 when {@code MAX_CALLS} calls are in progress. */
    public void accept(HttpServerRequest request) {
        if (!accepting) {
            request.response().setStatusCode(503).end("not accepting calls\n");
            return;
        }
        if (active.incrementAndGet() > maxCalls) {
            active.decrementAndGet();
            long count = refused.incrementAndGet();
            LOG.warn("Refused a media stream from {}: MAX_CALLS={} calls in progress ({} refused so far)",
                    request.remoteAddress(), maxCalls, count);
            request.response().setStatusCode(503).end("too many calls\n");
            return;
        }
        String connectionId = "ws-" + connections.incrementAndGet();
        request.toWebSocket().onSuccess(socket -> {
            MediaStreamSession session = new MediaStreamSession(vertx, socket, connectionId, app, pacer, config,
                    this::ended);
            sessions.add(session);
            session.open();
        }).onFailure(e -> {
            active.decrementAndGet();
            LOG.warn("Media stream upgrade failed for {}: {}", connectionId, e.getMessage());
        });
    }

    private void ended(MediaStreamSession session) {
        if (sessions.remove(session)) {
            active.decrementAndGet();
        }
    }

    public int activeCalls() {
        return active.get();
    }

    public boolean hasRoom() {
        return active.get() < maxCalls;
    }

    public void stopAccepting() {
        accepting = false;
    }

    public Set<String> callIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        sessions.forEach(s -> ids.add(s.callId()));
        return ids;
    }

    /** The sessions in progress (for tests and operations). */
    public Set<MediaStreamSession> sessions() {
        return Set.copyOf(sessions);
    }
}
