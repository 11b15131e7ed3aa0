package kol.provider.llm;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import kol.carrier.CallInfo;
import kol.provider.dialog.Dialog;
import kol.provider.dialog.DialogSession;
import org.agrona.concurrent.SystemNanoClock;

/**
 * A dialog answered by a language model over a streaming chat API (the provider is the {@link ChatEndpoint}).
 *
 * <p>Thread-safe: one HTTP client for every call, so connections (and their TLS sessions) stay warm from one turn
 * to the next; one memory per call in its {@link DialogSession}.
 */
public final class LlmDialog implements Dialog {
    /**
     * One timer thread for every reply's time-outs: a timer task only checks a deadline and, rarely, fails a reply,
     * which posts the error onwards.
     */
    private static final ScheduledExecutorService TIMERS = timers();

    private final StreamContext context;
    private final ChatEndpoint endpoint;
    private final LlmOptions options;

    private LlmDialog(StreamContext context, ChatEndpoint endpoint, LlmOptions options) {
        this.context = context;
        this.endpoint = endpoint;
        this.options = options;
    }

    /** A dialog on {@code endpoint}. */
    public static LlmDialog create(ChatEndpoint endpoint, LlmOptions options) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(options.firstTokenTimeoutMs()))
                .build();
        return new LlmDialog(new StreamContext(http, TIMERS, new SystemNanoClock(), endpoint.name(),
                options.firstTokenTimeoutMs(), options.stallTimeoutMs()), endpoint, options);
    }

    @Override
    public DialogSession open(CallInfo call) {
        return new LlmSession(context, endpoint, options);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "kol-llm-timers");
            thread.setDaemon(true);
            return thread;
        });
        // Most deadlines are cancelled long before they fall due; do not keep them queued until then.
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
