package dev.errand.server.http;

import java.time.Duration;

/**
 * Abuse limits of the HTTP API, enforced with token buckets.
 *
 * @param keyBurst requests one API key may make at once (bucket capacity), at least 1
 * @param keyPerSecond requests per second one API key may sustain (refill rate), at least 1
 * @param failedAuthBurst failed authentications (bad, revoked or expired key; bad claim token)
 *     one client address may make before it is refused with 429, at least 1
 * @param failedAuthRefill how long until one more failed attempt is allowed
 */
public record RateLimits(int keyBurst, int keyPerSecond, int failedAuthBurst, Duration failedAuthRefill) {

    /** Checks the bounds. */
    public RateLimits {
        if (keyBurst < 1 || keyPerSecond < 1 || failedAuthBurst < 1 || failedAuthRefill.isNegative()
                || failedAuthRefill.isZero()) {
            throw new IllegalArgumentException("rate limits must be positive: " + keyBurst + ", " + keyPerSecond
                    + ", " + failedAuthBurst + ", " + failedAuthRefill);
        }
    }

    /** @return the defaults: 100 requests/s per key with bursts of 300; 20 failed authentications per address, then one per 3 s */
    public static RateLimits defaults() {
        return perKey(100);
    }

    /** @return the defaults with {@code perSecond} requests/s per key and bursts of three times that */
    public static RateLimits perKey(int perSecond) {
        return new RateLimits(Math.multiplyExact(perSecond, 3), perSecond, 20, Duration.ofSeconds(3));
    }
}
