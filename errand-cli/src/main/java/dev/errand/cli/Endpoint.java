package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated server URL. Plain {@code http://} is allowed only to loopback hosts
 * ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) because the API key travels in a
 * header; {@code ERRAND_INSECURE_HTTP=1} lifts that rule for trusted networks.
 * The URL may carry a path prefix (a server behind a reverse proxy at {@code /errand}).
 *
 * @param base the URL without a trailing slash, such as {@code https://errand.example.com}
 */
record Endpoint(URI base) {
    /** The endpoint used when no flag, variable or config file names one. */
    static final String DEFAULT = "http://127.0.0.1:7878";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    /**
     * Parses and checks an endpoint.
     *
     * @param text the URL as the user gave it
     * @param allowInsecureHttp whether {@code ERRAND_INSECURE_HTTP=1} is set
     * @return the endpoint
     * @throws ErrandException {@code INVALID_REQUEST} (exit 2) for a malformed or refused URL
     */
    static Endpoint parse(String text, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(text);
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw ErrandException.invalid("refusing plain http:// to " + uri.getHost()
                    + ": the API key would travel unencrypted. Use https://, or set ERRAND_INSECURE_HTTP=1"
                    + " to allow it on a network you trust");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Endpoint(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** @return true for {@code localhost}, {@code 127.x.y.z} and IPv6 loopback literals; never resolves names */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.contains(":")) {
            try {
                return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** @return the absolute URL of an API path (with its query string, if any) */
    URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** @return the {@code ws://} or {@code wss://} URL of an API path */
    URI webSocket(String pathAndQuery) {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + base.toString().substring(base.getScheme().length()) + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static ErrandException invalid(String text) {
        return ErrandException.invalid("invalid endpoint '" + text
                + "': expected an http:// or https:// URL such as https://errand.example.com");
    }
}
