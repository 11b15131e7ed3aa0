package kol.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance on the socket transport {@code NET_TRANSPORT} asks for, for the server and the caller
 * simulator alike. At a thousand calls both ends make some 100,000 socket reads and writes a second, one system
 * call each on epoll; io_uring submits them in batches, one system call per event-loop turn.
 */
public final class Transports {
    private static final Logger LOG = LoggerFactory.getLogger("server");

    private Transports() {
    }

    /** A Vert.x on {@code choice} ({@code epoll}, {@code io_uring} or {@code nio}); one not available here: NIO. */
    public static Vertx vertx(VertxOptions options, String choice) {
        Transport transport = switch (choice) {
            case "io_uring" -> Transport.IO_URING;
            case "epoll" -> Transport.EPOLL;
            default -> Transport.NIO;
        };
        if (transport != Transport.NIO && !transport.available()) {
            Throwable cause = transport.unavailabilityCause();
            LOG.warn("Socket transport {} is not available here ({}); using NIO", choice,
                    cause == null ? "unknown reason" : cause.getMessage());
            transport = Transport.NIO;
        }
        return Vertx.builder().with(options).withTransport(transport).build();
    }
}
