package kol.app;

import io.vertx.core.Future;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import kol.base.Knobs;
import kol.base.Settings;
import kol.carrier.CallApp;
import kol.carrier.twilio.MediaStreamConfig;
import kol.carrier.twilio.MediaStreamEndpoint;
import kol.carrier.twilio.MediaStreamSession;
import kol.carrier.twilio.TwilioSignature;
import kol.carrier.twilio.Twiml;
import kol.tx.TxPacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kol's HTTP and WebSocket server: the Twilio voice webhook ({@code POST /twilio/voice}), the Media Streams socket
 * ({@code GET /twilio/media}), {@code /healthz} and {@code /readyz}.
 */
public final class GatewayServer {
    private static final Logger LOG = LoggerFactory.getLogger("kol.server");
    public static final String VOICE_PATH = "/twilio/voice";
    public static final String MEDIA_PATH = "/twilio/media";

    private final Vertx vertx;
    private final Settings settings;
    private final TwilioSignature signature;
    private final MediaStreamEndpoint media;
    private final AtomicLong rejectedSignatures = new AtomicLong();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile boolean accepting = true;

    private GatewayServer(Vertx vertx, Settings settings, CallApp app, TxPacer pacer) {
        this.vertx = vertx;
        this.settings = settings;
        String token = settings.get(Knobs.TWILIO_AUTH_TOKEN);
        this.signature = token.isEmpty() ? null : new TwilioSignature(token);
        this.media = new MediaStreamEndpoint(vertx, app, pacer, MediaStreamConfig.from(settings),
                settings.get(Knobs.MAX_CALLS));
    }

    /** Starts listening on {@code PORT}/{@code BIND_ADDRESS}. */
    public static Future<GatewayServer> start(Vertx vertx, Settings settings, CallApp app, TxPacer pacer) {
        GatewayServer gateway = new GatewayServer(vertx, settings, app, pacer);
        return gateway.listen();
    }

    private Future<GatewayServer> listen() {
        if (signature == null) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: webhook and media stream requests are NOT authenticated. Set it "
                    + "before exposing Kol to the internet.");
        }
        int maxMessage = settings.get(Knobs.WS_MAX_MESSAGE_BYTES);
        HttpServerOptions options = new HttpServerOptions()
                .setPort(settings.get(Knobs.PORT))
                .setHost(settings.get(Knobs.BIND_ADDRESS))
                .setMaxWebSocketMessageSize(maxMessage)
                .setMaxWebSocketFrameSize(maxMessage)
                .setTcpNoDelay(true);
        int sendBuffer = settings.get(Knobs.WS_SEND_BUFFER_BYTES);
        if (sendBuffer > 0) {
            options.setSendBufferSize(sendBuffer);
        }
        // DESIGN: one server instance per core, each created on its own event loop and sharing the port, so
        // Vert.x spreads the media streams over the event loops; a single server would put every socket on one.
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Instances share a port only when they ask for the same one, so PORT=0 first picks a free port for all.
        int port = options.getPort() == 0 ? freePort(options.getHost()) : options.getPort();
        options.setPort(port);
        return deploy(options, instances).map(bound -> {
            LOG.info("Kol listening on {}:{} (webhook {}, media stream {}; {} event loops, {} transport)",
                    settings.get(Knobs.BIND_ADDRESS), bound, VOICE_PATH, MEDIA_PATH, instances,
                    ((io.vertx.core.internal.VertxInternal) vertx).transport().getClass().getSimpleName());
            return this;
        });
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port on " + host, e);
        }
    }

    /** Deploys {@code count} server instances, each a verticle on its own event loop; completes with the port. */
    private Future<Integer> deploy(HttpServerOptions options, int count) {
        return vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                // The event loop writes the paced frames: it shares the pacer's priority (effective where the JVM
                // may set thread priorities, see the launcher).
                Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
                HttpServer instance = vertx.createHttpServer(options).requestHandler(router());
                return instance.listen().onSuccess(servers::add);
            }
        }, new DeploymentOptions().setInstances(count)).map(id -> servers.get(servers.size() - 1).actualPort());
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> ctx.response().putHeader("content-type", "text/plain").end("ok\n"));
        router.get("/readyz").handler(this::ready);
        router.post(VOICE_PATH).handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::voiceWebhook);
        router.get(MEDIA_PATH).handler(this::mediaUpgrade);
        return router;
    }

    public int port() {
        return servers.get(0).actualPort();
    }

    /** Calls in progress. */
    public int activeCalls() {
        return media.activeCalls();
    }

    /** Stops taking new calls (readyz turns 503); calls in progress go on. */
    public void stopAccepting() {
        accepting = false;
        media.stopAccepting();
    }

    public Future<Void> close() {
        return Future.all(servers.stream().map(HttpServer::close).toList()).mapEmpty();
    }

    public long rejectedSignatures() {
        return rejectedSignatures.get();
    }

    private void ready(RoutingContext ctx) {
        boolean ready = accepting && media.hasRoom();
        ctx.response().setStatusCode(ready ? 200 : 503).putHeader("content-type", "text/plain")
                .end(ready ? "ready\n" : "not accepting calls\n");
    }

    private void voiceWebhook(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Map<String, String> form = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : request.formAttributes()) {
            form.putIfAbsent(entry.getKey(), entry.getValue());
        }
        if (signature != null) {
            String url = PublicUrls.requestUrl(request, settings.get(Knobs.PUBLIC_URL));
            String given = request.getHeader("X-Twilio-Signature");
            if (given == null || !signature.isValid(url, form, given)) {
                reject(ctx, "voice webhook", given == null ? "no X-Twilio-Signature header"
                        : "X-Twilio-Signature does not match " + url);
                return;
            }
        }
        String streamUrl = PublicUrls.streamUrl(request, settings.get(Knobs.PUBLIC_URL), MEDIA_PATH);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", form.get("From"));
        parameters.put("To", form.get("To"));
        LOG.info("Voice webhook: call={} from={} to={} → {}", form.get("CallSid"), form.get("From"), form.get("To"),
                streamUrl);
        ctx.response().putHeader("content-type", "text/xml; charset=utf-8")
                .end(Twiml.connectStream(streamUrl, parameters));
    }

    private void mediaUpgrade(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (signature != null) {
            String given = request.getHeader("X-Twilio-Signature");
            if (given == null) {
                if (settings.get(Knobs.TWILIO_REQUIRE_WS_SIGNATURE)) {
                    reject(ctx, "media stream upgrade", "no X-Twilio-Signature header "
                            + "(TWILIO_REQUIRE_WS_SIGNATURE=true)");
                    return;
                }
            } else {
                String url = PublicUrls.streamUrl(request, settings.get(Knobs.PUBLIC_URL), MEDIA_PATH);
                String query = request.query();
                String signed = query == null || query.isEmpty() ? url : url + "?" + query;
                if (!signature.isValid(signed, Map.of(), given)) {
                    reject(ctx, "media stream upgrade", "X-Twilio-Signature does not match " + signed);
                    return;
                }
            }
        }
        if (!accepting) {
            ctx.response().setStatusCode(503).end("not accepting calls\n");
            LOG.warn("Refused a media stream: Kol is draining and takes no new calls");
            return;
        }
        media.accept(request);
    }

    private void reject(RoutingContext ctx, String what, String reason) {
        rejectedSignatures.incrementAndGet();
        LOG.warn("Rejected {} from {} with 403: {}", what, ctx.request().remoteAddress(), reason);
        ctx.response().setStatusCode(403).putHeader("content-type", "text/plain").end("forbidden\n");
    }

    /** Active sessions' ids, for diagnostics. */
    public Set<String> callIds() {
        return media.callIds();
    }

    /** The sessions in progress. */
    public Set<MediaStreamSession> sessions() {
        return media.sessions();
    }
}
