package kol.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event loop's timer on a real Vert.x context: a call that joins a sooner phase does not wait for a later one. */
class ContextTickerTest {
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * One call is up and the timer is armed for its next tick, 20 ms on; a second call joins between ticks in a
     * phase due sooner, and must be serviced then, not with the first call. Tried up to three times: a stall of the
     * event loop right after the join would legitimately service both at once, while a timer never re-armed for the
     * sooner phase would do so every time.
     */
    @Test
    void aCallJoiningASoonerPhaseIsServicedBeforeTheArmedTimerFires() throws Exception {
        boolean sooner = false;
        for (int attempt = 0; attempt < 3 && !sooner; attempt++) {
            sooner = secondCallTickedFirst();
        }
        assertThat(sooner).as("the second call serviced before the first call's next tick").isTrue();
    }

    private boolean secondCallTickedFirst() throws Exception {
        Context context = vertx.getOrCreateContext();
        Object owner = new Object();
        SystemNanoClock clock = new SystemNanoClock();
        CompletableFuture<Long> secondTick = new CompletableFuture<>();
        CompletableFuture<Long> firstTickAfterJoin = new CompletableFuture<>();
        CallTicker.Ticked second = nowNs -> {
            secondTick.complete(nowNs);
            return false;
        };
        CallTicker.Ticked first = new CallTicker.Ticked() {
            private boolean joined;

            @Override
            public boolean onTick(long nowNs) {
                if (joined) {
                    firstTickAfterJoin.complete(nowNs);
                    return false;
                }
                joined = true;
                // Between ticks, as a call whose stream has just opened joins.
                vertx.setTimer(3, id -> ContextTicker.on(context, owner, clock).add(second));
                return true;
            }
        };
        context.runOnContext(v -> ContextTicker.on(context, owner, clock).add(first));

        return secondTick.get(10, TimeUnit.SECONDS) < firstTickAfterJoin.get(10, TimeUnit.SECONDS);
    }
}
