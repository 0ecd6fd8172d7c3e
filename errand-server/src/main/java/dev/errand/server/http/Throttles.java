package dev.errand.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) that limit each API key's request rate and each client address's
 * failed authentications. Buckets live in size-bounded caches and are forgotten after ten idle
 * minutes, so memory stays bounded whatever clients send. Thread-safe.
 */
final class Throttles {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final RateLimits limits;
    private final Cache<String, Bucket> perKey = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> failures = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    Throttles(RateLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes one request from a key's bucket.
     *
     * @throws RateLimitedException when the key is over its rate
     */
    void request(String keyId) {
        Bucket bucket = perKey.get(keyId, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limits.keyBurst()).refillGreedy(limits.keyPerSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException("this API key is over its limit of " + limits.keyPerSecond()
                    + " requests per second", seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Refuses every authentication attempt from an address that used up its failures.
     *
     * @throws RateLimitedException while the address must wait
     */
    void checkAddress(String address) {
        Bucket bucket = failures.getIfPresent(address);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw new RateLimitedException("too many failed authentications from " + address
                    + "; wait before trying again", seconds(wait));
        }
    }

    /** Counts one failed authentication against an address. */
    void failed(String address) {
        failures.get(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(limits.failedAuthBurst()).refillGreedy(1, limits.failedAuthRefill()))
                .build()).tryConsume(1);
    }

    private static long seconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
