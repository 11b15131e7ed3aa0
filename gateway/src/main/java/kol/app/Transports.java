package kol.app;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.transports.IoUringTransport;
import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance on the socket transport {@code NET_TRANSPORT} asks for, for the server and the caller
 * simulator alike. At a thousand calls both ends make some 100,000 socket reads and writes a second, one system
 * call each on epoll; io_uring submits them in batches, one system call per event-loop turn.
 */
public final class Transports {
    /**
     * Completion-queue entries of each io_uring event loop. Netty's default, 4,096, overflowed at about 500 calls a
     * loop (every connection keeps a receive in flight, and a burst completes many at once): each overflow is logged
     * and stalls the loop while the kernel flushes the backlog. 32,768 entries take 512 KB a loop.
     */
    static final int IO_URING_CQ_SIZE = 32_768;
    private static final Logger LOG = LoggerFactory.getLogger("server");

    /** Vert.x's io_uring transport with {@link #IO_URING_CQ_SIZE} completion-queue entries a loop. */
    static final Transport IO_URING = new Transport() {
        private final IoUringTransport implementation = new IoUringTransport() {
            @Override
            public IoHandlerFactory ioHandlerFactory() {
                return IoUringIoHandler.newFactory(ioUringConfig());
            }
        };

        @Override
        public String name() {
            return "io_uring";
        }

        @Override
        public boolean available() {
            return implementation.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return implementation.unavailabilityCause();
        }

        @Override
        public io.vertx.core.spi.transport.Transport implementation() {
            return implementation;
        }
    };

    private Transports() {
    }

    /** The configuration of each io_uring event loop. */
    static IoUringIoHandlerConfig ioUringConfig() {
        return new IoUringIoHandlerConfig().setCqSize(IO_URING_CQ_SIZE);
    }

    /** A Vert.x on {@code choice} ({@code epoll}, {@code io_uring} or {@code nio}); one not available here: NIO. */
    public static Vertx vertx(VertxOptions options, String choice) {
        Transport transport = switch (choice) {
            case "io_uring" -> IO_URING;
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
