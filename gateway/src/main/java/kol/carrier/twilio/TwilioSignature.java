package kol.carrier.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64(HMAC-SHA1(auth token, URL + for form POSTs each
 * parameter name followed by its value, sorted by name)). The same algorithm as the Twilio SDKs'
 * {@code RequestValidator}, checked against it in the tests, including its tolerance of a URL with or without the
 * default port (Twilio may sign either form).
 *
 * <p>Thread-safe; the token never leaves this object (not in {@link #toString()}, not in any message).
 */
public final class TwilioSignature {
    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("auth token is empty");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /** The signature Twilio sends for {@code url} and form {@code params} (empty for GET and WebSocket upgrades). */
    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> entry : new TreeMap<>(params).entrySet()) {
            data.append(entry.getKey()).append(entry.getValue() == null ? "" : entry.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /**
     * True when {@code signature} matches {@code url} (as given, and with the default port added or removed) and
     * {@code params}. Compared in constant time.
     */
    public boolean isValid(String url, Map<String, String> params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        for (String candidate : urlVariants(url)) {
            byte[] expected = sign(candidate, params).getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    /** The URL as given, then with its scheme's default port removed or added (as Twilio's SDK validators try). */
    static String[] urlVariants(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return new String[] {url};
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getRawAuthority() == null) {
            return new String[] {url};
        }
        int defaultPort = scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("wss") ? 443 : 80;
        String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
        String host = uri.getHost();
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String prefix = scheme + "://" + userInfo + host;
        if (uri.getPort() == -1) {
            return new String[] {url, prefix + ":" + defaultPort + rest};
        }
        if (uri.getPort() == defaultPort) {
            return new String[] {url, prefix + rest};
        }
        return new String[] {url};
    }

    @Override
    public String toString() {
        return "TwilioSignature[token hidden]";
    }
}
