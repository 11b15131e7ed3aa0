package kol.provider.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Locale;
import kol.base.Setting;
import kol.base.Settings;
import kol.base.SettingsException;

/**
 * Where a provider's API is and the key to it. The key is only ever put into a request header: {@link #toString()}
 * leaves it out, so this can be logged.
 */
public final class ServiceAddress {
    private final URI base;
    private final String apiKey;

    private ServiceAddress(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /**
     * Reads a base URL and its API key. A missing key stops start-up unless the server is on this machine (a local
     * Ollama or vLLM, or a test), which commonly needs none.
     */
    public static ServiceAddress fromSettings(Settings settings, Setting<String> baseUrl, Setting<String> apiKey,
            String provider) {
        String text = settings.get(baseUrl);
        URI base;
        try {
            base = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new SettingsException(baseUrl.env() + "=" + text + " is not a URL: " + e.getMessage());
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new SettingsException(baseUrl.env() + "=" + text + " is not an http(s)://host URL");
        }
        String key = settings.get(apiKey);
        if (key.isEmpty() && !isLocal(base)) {
            throw new SettingsException(apiKey.env() + " is not set: " + provider + " at " + base + " needs it (a "
                    + "server on localhost may run without one; for another keyless server set any value)");
        }
        return new ServiceAddress(base, key);
    }

    /** An address as given, for tests and callers that hold no settings. */
    public static ServiceAddress of(URI base, String apiKey) {
        return new ServiceAddress(base, apiKey);
    }

    /** Whether {@code uri} names this machine. Only literal names count: nothing is looked up. */
    static boolean isLocal(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1");
    }

    /** The API key, empty when none is set. */
    public String apiKey() {
        return apiKey;
    }

    /** The base as given, without a trailing slash. */
    public URI base() {
        return base;
    }

    /**
     * A streaming POST of {@code jsonBody} to {@code path} under the base. Plain http is held to HTTP/1.1: the JDK
     * client would otherwise offer an h2c upgrade, which local servers handle unevenly; https negotiates HTTP/2.
     */
    public HttpRequest.Builder post(String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (base.getScheme().equalsIgnoreCase("http")) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        return request;
    }

    @Override
    public String toString() {
        return base + (apiKey.isEmpty() ? " (no key)" : " (key set)");
    }
}
