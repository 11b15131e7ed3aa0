package kol.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each NET_TRANSPORT choice gives a Vert.x on that transport (or NIO where it is not available) that serves HTTP. */
class TransportsTest {

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "io_uring", "nio"})
    void servesARequestOnTheTransportAskedFor(String choice) throws Exception {
        Transport asked = switch (choice) {
            case "epoll" -> Transport.EPOLL;
            case "io_uring" -> Transport.IO_URING;
            default -> Transport.NIO;
        };
        Vertx vertx = Transports.vertx(new VertxOptions().setEventLoopPoolSize(1), choice);
        try {
            String expected = asked.available() ? asked.implementation().getClass().getSimpleName()
                    : Transport.NIO.implementation().getClass().getSimpleName();
            assertThat(((VertxInternal) vertx).transport().getClass().getSimpleName()).isEqualTo(expected);

            int port = vertx.createHttpServer().requestHandler(request -> request.response().end("pong"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
            String body = vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", "/")
                    .compose(request -> request.send().compose(response -> response.body()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();

            assertThat(body).isEqualTo("pong");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
