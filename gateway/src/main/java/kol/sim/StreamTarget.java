package kol.sim;

import java.util.Map;

/**
 * Where the media stream goes and what it carries in {@code start.customParameters}: from the TwiML's
 * {@code <Connect><Stream url="…"><Parameter name="…" value="…"/>}, or given directly.
 */
public record StreamTarget(String url, Map<String, String> customParameters) {

    public StreamTarget {
        customParameters = Map.copyOf(customParameters);
    }
}
