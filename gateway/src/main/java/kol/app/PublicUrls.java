package kol.app;

import io.vertx.core.http.HttpServerRequest;

/**
 * The URLs Twilio sees. Twilio signs the URL it requested, which behind a TLS-terminating proxy is not the URL the
 * request arrives on: {@code PUBLIC_URL} says it exactly; without it, {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} (or {@code Host}) rebuild it.
 */
final class PublicUrls {
    private PublicUrls() {
    }

    /** Scheme and authority, e.g. {@code https://kol.example.com}, with no trailing slash. */
    static String base(HttpServerRequest request, String publicUrl) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            String base = publicUrl.trim();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base;
        }
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        if (proto == null) {
            proto = request.isSSL() ? "https" : "http";
        }
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host == null) {
            host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        }
        return proto + "://" + host;
    }

    /** The full URL of this request as Twilio requested it (path and query included). */
    static String requestUrl(HttpServerRequest request, String publicUrl) {
        return base(request, publicUrl) + request.uri();
    }

    /** The media stream URL to put in TwiML: {@code https → wss}, {@code http → ws}. */
    static String streamUrl(HttpServerRequest request, String publicUrl, String path) {
        String base = base(request, publicUrl);
        if (base.startsWith("https://")) {
            base = "wss://" + base.substring("https://".length());
        } else if (base.startsWith("http://")) {
            base = "ws://" + base.substring("http://".length());
        }
        return base + path;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
