package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.store.Database;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates API keys and bootstraps the first admin. Keeps a small cache of recent
 * last-used writes so a busy key does not write on every request. Thread-safe.
 */
public final class IdentityService {
    /** How often, at most, a key's last-used time is written (ms). */
    private static final long TOUCH_INTERVAL_MS = 60_000;
    private final Database db;
    private final IdentityStore store;
    private final Clock clock;
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
        KeyRecord key = db.read(h -> store.findKeyByHash(h, hash))
                .filter(k -> MessageDigest.isEqual(k.keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> new ErrandException(ErrorCode.INVALID_API_KEY, "the API key is not valid"));
        if (key.keyRevokedAt() != null || key.userRevokedAt() != null) {
            throw new ErrandException(ErrorCode.API_KEY_REVOKED, "the API key was revoked");
        }
        long now = clock.millis();
        if (key.expiresAt() != null && key.expiresAt() <= now) {
            throw new ErrandException(ErrorCode.API_KEY_EXPIRED, "the API key has expired");
        }
        touch(key.keyId(), now);
        return new Principal(key.userId(), key.email(), key.role(), key.keyId());
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
