package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * User accounts: create (with a claim token), list, read, revoke, change role, reissue a claim
 * token. Every method checks the caller against the {@link AccessPolicy}. An account is never
 * deleted; revoking keeps its row, so executions and audit entries still name it, and the same
 * email may get a new account. The last admin who can still sign in cannot be revoked or
 * demoted. A user is named by id ({@code usr_...}) or by the email of its active account.
 * Thread-safe.
 */
public final class UserService {
    private final Database db;
    private final IdentityStore store;
    private final Invitations invitations;
    private final IdentityService identity;
    private final AccessPolicy policy;
    private final Clock clock;

    /**
     * @param db the store
     * @param store users and keys SQL
     * @param claims claim tokens SQL
     * @param identity the key cache to invalidate on revocation and role changes
     * @param policy who may do what
     * @param clock the time source
     */
    public UserService(Database db, IdentityStore store, ClaimTokenStore claims, IdentityService identity,
            AccessPolicy policy, Clock clock) {
        this.db = db;
        this.store = store;
        this.invitations = new Invitations(store, claims, clock);
        this.identity = identity;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Creates an account and its first claim token.
     *
     * @throws ErrandException {@code invalid_request} for a malformed email or unknown role,
     *     {@code conflict} when an active account has the email, {@code forbidden} for non-admins
     */
    public Invitation create(Principal caller, String email, String role) {
        policy.permit(caller, Action.USER_CREATE);
        Email address = new Email(email);
        Role r = role == null ? null : Role.parse(role);
        if (r == null) {
            throw ErrandException.invalid("role is missing: use admin, operator, developer or viewer");
        }
        try {
            return db.write(h -> {
                long now = clock.millis();
                if (store.findActiveUserByEmail(h, address.value(), now).isPresent()) {
                    throw ErrandException.conflict("an active user " + address + " already exists; revoke it first"
                            + " or issue it a new claim token (errand users reissue " + address + ")");
                }
                String id = Ids.next("usr_");
                store.insertUser(h, id, address.value(), r, now, caller.userId());
                return invitations.issue(h, id, caller.userId());
            });
        } catch (UnableToExecuteStatementException e) {
            throw ErrandException.conflict("an active user " + address + " already exists");
        }
    }

    /** @return accounts sorted by email; revoked ones only when asked */
    public List<User> list(Principal caller, boolean includeRevoked) {
        policy.permit(caller, Action.USER_LIST);
        return db.read(h -> store.listUsers(h, includeRevoked, clock.millis()));
    }

    /** @throws ErrandException {@code not_found} for an unknown id or email */
    public User get(Principal caller, String ref) {
        policy.permit(caller, Action.USER_READ);
        return db.read(h -> resolve(h, ref));
    }

    /**
     * Revokes an account: every key stops working at once and unredeemed claim tokens end.
     *
     * @throws ErrandException {@code conflict} when already revoked or it is the last usable admin
     */
    public User revoke(Principal caller, String ref) {
        policy.permit(caller, Action.USER_REVOKE);
        User revoked = db.write(h -> {
            long now = clock.millis();
            long admins = store.countUsableAdmins(h, now); // first: on PostgreSQL it locks the admin rows
            User u = active(h, ref);
            if (u.role() == Role.ADMIN && u.usableKeys() > 0 && admins <= 1) {
                throw ErrandException.conflict(u.email() + " is the last admin who can sign in; make another admin first");
            }
            store.revokeUser(h, u.id(), now);
            invitations.expire(h, u.id());
            return store.findUser(h, u.id(), now).orElseThrow();
        });
        identity.forgetUser(revoked.id());
        return revoked;
    }

    /**
     * Changes an account's role; its keys carry the new role from the next request.
     *
     * @throws ErrandException {@code invalid_request} for an unknown role, {@code conflict} for a
     *     revoked account or when it would demote the last usable admin
     */
    public User setRole(Principal caller, String ref, String role) {
        policy.permit(caller, Action.USER_SET_ROLE);
        if (role == null) {
            throw ErrandException.invalid("role is missing: use admin, operator, developer or viewer");
        }
        Role r = Role.parse(role);
        User changed = db.write(h -> {
            long now = clock.millis();
            long admins = store.countUsableAdmins(h, now); // first: on PostgreSQL it locks the admin rows
            User u = active(h, ref);
            if (u.role() == Role.ADMIN && r != Role.ADMIN && u.usableKeys() > 0 && admins <= 1) {
                throw ErrandException.conflict(u.email() + " is the last admin who can sign in; make another admin first");
            }
            store.setRole(h, u.id(), r);
            return store.findUser(h, u.id(), now).orElseThrow();
        });
        identity.forgetUser(changed.id());
        return changed;
    }

    /**
     * Issues a new claim token for an active account; earlier unredeemed tokens end.
     *
     * @throws ErrandException {@code conflict} for a revoked account
     */
    public Invitation reissue(Principal caller, String ref) {
        policy.permit(caller, Action.USER_REISSUE);
        return db.write(h -> {
            User u = active(h, ref);
            invitations.expire(h, u.id());
            return invitations.issue(h, u.id(), caller.userId());
        });
    }

    /**
     * Redeems a claim token for a new API key.
     *
     * @param keyName the new key's name, or null for {@code claimed}
     * @param source the client's address, stored with the token
     * @throws ErrandException {@code not_found} for an unknown token, {@code claim_token_used} (409)
     *     when already redeemed, {@code claim_token_expired} (410) when past its 15 minutes or its
     *     user was revoked
     */
    public Claimed claim(String token, String keyName, String source) {
        KeyName name = new KeyName(keyName == null ? "claimed" : keyName);
        return db.write(h -> invitations.redeem(h, token, name, source));
    }

    /** @return a user's current state in a few words, for traces */
    public String describe(Principal caller, String id) {
        User u = get(caller, id);
        return u.email() + ", " + u.role().wireName() + ", " + u.status();
    }

    private User active(Handle h, String ref) {
        User u = resolve(h, ref);
        if (u.revokedAt() != null) {
            throw ErrandException.conflict("user " + u.email() + " (" + u.id() + ") is revoked; create the email again"
                    + " for a new account");
        }
        return u;
    }

    private User resolve(Handle h, String ref) {
        long now = clock.millis();
        if (ref != null && ref.startsWith("usr_")) {
            return store.findUser(h, ref, now).orElseThrow(() -> ErrandException.notFound("no user '" + ref + "'"));
        }
        Email email;
        try {
            email = new Email(ref);
        } catch (ErrandException e) {
            throw ErrandException.notFound("no user '" + ref + "': give a user id (usr_...) or an email");
        }
        return store.findActiveUserByEmail(h, email.value(), now)
                .orElseThrow(() -> ErrandException.notFound("no active user '" + email + "'"));
    }

    /**
     * A new account or a reissued token.
     *
     * @param user the account
     * @param claimToken the plaintext claim token, shown once
     * @param expiresAt when the token ends (epoch ms)
     */
    public record Invitation(User user, String claimToken, long expiresAt) {}

    /**
     * A redeemed claim token.
     *
     * @param user the account now holding the key
     * @param key the new key's metadata
     * @param apiKey the plaintext key, shown once
     */
    public record Claimed(User user, ApiKey key, String apiKey) {}
}
