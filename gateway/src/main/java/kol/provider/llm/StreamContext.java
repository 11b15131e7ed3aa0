package kol.provider.llm;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;
import org.agrona.concurrent.NanoClock;

/**
 * What every reply stream of one dialog shares.
 *
 * @param http the client (one per dialog, so its connections are kept warm across calls)
 * @param timers where the time-outs run
 * @param clock the time the time-outs are measured by
 * @param provider the endpoint's name, for messages
 * @param firstTokenTimeoutMs how long a reply may take to its first word or action
 * @param stallTimeoutMs how long a reply may then go without a byte
 */
record StreamContext(HttpClient http, ScheduledExecutorService timers, NanoClock clock, String provider,
        int firstTokenTimeoutMs, int stallTimeoutMs) {
}
