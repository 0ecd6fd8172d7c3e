package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * API keys: every user creates, lists and revokes their own; an admin lists and revokes
 * anyone's ({@link AccessPolicy}). A revoked key stops working at once on this server. The last
 * usable key of the last admin who can sign in cannot be revoked. Thread-safe.
 */
public final class KeyService {
    /** The longest expiry a key may be given: ten years, in seconds. */
    public static final long MAX_EXPIRY_SECONDS = 10L * 365 * 24 * 3600;
    private final Database db;
    private final IdentityStore store;
    private final IdentityService identity;
    private final AccessPolicy policy;
    private final Clock clock;

    /**
     * @param db the store
     * @param store users and keys SQL
     * @param identity the key cache to invalidate on revocation
     * @param policy who may do what
     * @param clock the time source
     */
    public KeyService(Database db, IdentityStore store, IdentityService identity, AccessPolicy policy, Clock clock) {
        this.db = db;
        this.store = store;
        this.identity = identity;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Creates a key for the caller.
     *
     * @param expiresInSeconds 60 to {@link #MAX_EXPIRY_SECONDS}, or null for no expiry
     * @throws ErrandException {@code invalid_request} for a bad name or expiry, {@code conflict}
     *     when a usable key of the caller has the name
     */
    public NewKey create(Principal caller, String name, Long expiresInSeconds) {
        policy.permit(caller, Action.KEY_CREATE);
        KeyName keyName = new KeyName(name);
        if (expiresInSeconds != null && (expiresInSeconds < 60 || expiresInSeconds > MAX_EXPIRY_SECONDS)) {
            throw ErrandException.invalid("expires_in_seconds must be between 60 and " + MAX_EXPIRY_SECONDS
                    + " (ten years), got " + expiresInSeconds);
        }
        return db.write(h -> {
            long now = clock.millis();
            if (store.listKeys(h, caller.userId(), false).stream()
                    .anyMatch(k -> k.usable(now) && k.name().equals(keyName.value()))) {
                throw ErrandException.conflict("you already have a key named '" + keyName.value() + "'");
            }
            String plaintext = ApiKeys.generate();
            String id = Ids.next("key_");
            store.insertKey(h, id, caller.userId(), keyName.value(), ApiKeys.hash(plaintext), now,
                    expiresInSeconds == null ? null : now + expiresInSeconds * 1000);
            return new NewKey(store.findKey(h, id).orElseThrow(), plaintext);
        });
    }

    /**
     * Lists keys: the caller's own, or with {@code all} every key the policy lets the caller see
     * (everyone's for an admin, still only the caller's for other roles), or one user's.
     *
     * @param userRef a user id or email to list that user's keys, or null
     * @throws ErrandException {@code not_found} for a user the caller may not see
     */
    public List<ApiKey> list(Principal caller, String userRef, boolean all, boolean includeRevoked) {
        String visible = policy.ownerFilter(caller, Action.KEY_LIST);
        return db.read(h -> {
            String owner = userRef != null ? ownerOf(h, caller, userRef) : all ? visible : caller.userId();
            return store.listKeys(h, owner, includeRevoked);
        });
    }

    private String ownerOf(Handle h, Principal caller, String userRef) {
        long now = clock.millis();
        String message = "no user '" + userRef + "'";
        User u = (userRef.startsWith("usr_") ? store.findUser(h, userRef, now)
                : store.findActiveUserByEmail(h, userRef.strip().toLowerCase(Locale.ROOT), now))
                .orElseThrow(() -> ErrandException.notFound(message));
        policy.requireAccess(caller, Action.KEY_LIST, u.id(), message);
        return u.id();
    }

    /**
     * Revokes a key by id, or one of the caller's own keys by name. Revoking a revoked key
     * returns it unchanged.
     *
     * @throws ErrandException {@code not_found} for an unknown key or someone else's (non-admins),
     *     {@code conflict} for the last key of the last admin or an ambiguous name
     */
    public ApiKey revoke(Principal caller, String ref) {
        policy.permit(caller, Action.KEY_REVOKE);
        ApiKey revoked = db.write(h -> {
            ApiKey key = find(h, caller, ref);
            policy.requireAccess(caller, Action.KEY_REVOKE, key.userId(), "no key '" + ref + "'");
            if (key.revokedAt() != null) {
                return key;
            }
            long now = clock.millis();
            long admins = store.countUsableAdmins(h, now); // first: on PostgreSQL it locks the admin rows
            User owner = store.findUser(h, key.userId(), now).orElseThrow();
            if (owner.role() == Role.ADMIN && owner.revokedAt() == null && key.usable(now) && owner.usableKeys() <= 1
                    && admins <= 1) {
                throw ErrandException.conflict("that is the last key of the last admin who can sign in;"
                        + " create another key or admin first");
            }
            store.revokeKey(h, key.id(), now);
            return store.findKey(h, key.id()).orElseThrow();
        });
        identity.forgetKey(revoked.id());
        return revoked;
    }

    /**
     * @return a key's current state in a few words, for traces
     * @throws ErrandException {@code not_found} for an unknown key or one the caller may not see
     */
    public String describe(Principal caller, String keyId) {
        ApiKey k = db.read(h -> store.findKey(h, keyId)).orElseThrow(() -> ErrandException.notFound("no key " + keyId));
        policy.requireAccess(caller, Action.KEY_LIST, k.userId(), "no key " + keyId);
        return k.name() + " of " + k.userEmail() + ", " + k.status(clock.millis());
    }

    private ApiKey find(Handle h, Principal caller, String ref) {
        if (ref != null && ref.startsWith("key_")) {
            return store.findKey(h, ref).orElseThrow(() -> ErrandException.notFound("no key '" + ref + "'"));
        }
        List<ApiKey> named = store.listKeys(h, caller.userId(), false).stream()
                .filter(k -> k.name().equals(ref)).toList();
        if (named.size() > 1) {
            throw ErrandException.conflict("you have " + named.size() + " keys named '" + ref + "': revoke one by id ("
                    + named.stream().map(ApiKey::id).toList() + ")");
        }
        return named.stream().findFirst().orElseThrow(() -> ErrandException.notFound("no key '" + ref + "'"));
    }

    /**
     * A newly made key.
     *
     * @param key its metadata
     * @param apiKey the plaintext key, shown once
     */
    public record NewKey(ApiKey key, String apiKey) {}
}
