package dev.errand.server.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Authenticates API keys and bootstraps the first admin.
 *
 * <p>Keys found in the store are cached by hash for {@link #CACHE_TTL}, so a warm request costs a
 * SHA-256 and a map lookup. Revocations and role changes made through this server call
 * {@link #forgetUser}/{@link #forgetKey}, which take effect at once (a generation counter stops a
 * lookup that raced with the change from caching the old row); changes made by another replica
 * show here within {@link #CACHE_TTL}. Expiry is checked on every request. Last-used times are
 * written at most once a minute per key, off the request thread. Thread-safe.
 */
public final class IdentityService {
    /** How long a key row is trusted without asking the store again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    /** How often, at most, a key's last-used time is written (ms). */
    private static final long TOUCH_INTERVAL_MS = 60_000;
    private final Database db;
    private final IdentityStore store;
    private final Clock clock;
    private final Cache<String, KeyRecord> keys = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Long> lastTouched = new ConcurrentHashMap<>();

    /**
     * @param db the store
     * @param store the identity SQL
     * @param clock the time source
     */
    public IdentityService(Database db, IdentityStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates the first admin user ({@code admin@localhost}) and an API key when the store has
     * no active user.
     *
     * @return the new plaintext key (shown once), or empty when users already exist
     */
    public Optional<String> bootstrapAdmin() {
        return db.write(h -> {
            if (store.countActiveUsers(h) > 0) {
                return Optional.<String>empty();
            }
            long now = clock.millis();
            String userId = Ids.next("usr_");
            store.insertUser(h, userId, "admin@localhost", Role.ADMIN, now);
            String key = ApiKeys.generate();
            store.insertKey(h, Ids.next("key_"), userId, "bootstrap", ApiKeys.hash(key), now, null);
            return Optional.of(key);
        });
    }

    /**
     * Authenticates a presented key.
     *
     * @param presented the plaintext key from the request, or null
     * @return the caller
     * @throws ErrandException {@code unauthenticated} when no key was given, {@code invalid_api_key},
     *     {@code api_key_revoked} or {@code api_key_expired}
     */
    public Principal authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            throw new ErrandException(ErrorCode.UNAUTHENTICATED,
                    "no API key: send 'Authorization: Bearer erk_...' or 'X-API-Key: erk_...'");
        }
        if (!ApiKeys.wellFormed(presented)) {
            throw new ErrandException(ErrorCode.INVALID_API_KEY, "the API key is not valid");
        }
        String hash = ApiKeys.hash(presented);
        KeyRecord key = lookup(hash)
                .filter(k -> MessageDigest.isEqual(k.keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> new ErrandException(ErrorCode.INVALID_API_KEY, "the API key is not valid"));
        if (key.keyRevokedAt() != null || key.userRevokedAt() != null) {
            throw new ErrandException(ErrorCode.API_KEY_REVOKED, key.userRevokedAt() != null
                    ? "the API key's user was revoked" : "the API key was revoked");
        }
        long now = clock.millis();
        if (key.expiresAt() != null && key.expiresAt() <= now) {
            throw new ErrandException(ErrorCode.API_KEY_EXPIRED, "the API key has expired; create a new one");
        }
        touch(key.keyId(), now);
        return new Principal(key.userId(), key.email(), key.role(), key.keyId());
    }

    private Optional<KeyRecord> lookup(String hash) {
        KeyRecord cached = keys.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<KeyRecord> found = db.read(h -> store.findKeyByHash(h, hash));
        if (found.isPresent() && generation.get() == before) {
            keys.put(hash, found.get());
        }
        return found;
    }

    /** Drops every cached key of a user; call after its revocation or role change commits. */
    public void forgetUser(String userId) {
        forget(k -> k.userId().equals(userId));
    }

    /** Drops a cached key; call after its revocation commits. */
    public void forgetKey(String keyId) {
        forget(k -> k.keyId().equals(keyId));
    }

    private void forget(Predicate<KeyRecord> which) {
        generation.incrementAndGet();
        keys.asMap().values().removeIf(which);
    }

    private void touch(String keyId, long now) {
        Long previous = lastTouched.get(keyId);
        if (previous != null && now - previous < TOUCH_INTERVAL_MS) {
            return;
        }
        lastTouched.put(keyId, now);
        Thread.ofVirtual().name("key-touch").start(() -> db.write(h -> {
            store.touchKey(h, keyId, now);
            return null;
        }));
    }
}
