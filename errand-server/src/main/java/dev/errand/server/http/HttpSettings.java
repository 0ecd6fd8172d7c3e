package dev.errand.server.http;

/**
 * Where and how the HTTP API listens.
 *
 * @param host the address to bind, such as {@code 127.0.0.1}
 * @param port the TCP port, 0 for any free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param limits per-key rate limit and failed-authentication throttle
 */
public record HttpSettings(String host, int port, long maxBodyBytes, RateLimits limits) {

    /** Settings with the default {@link RateLimits}. */
    public HttpSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, RateLimits.defaults());
    }

    /** @return a copy with other limits */
    public HttpSettings withLimits(RateLimits newLimits) {
        return new HttpSettings(host, port, maxBodyBytes, newLimits);
    }
}
