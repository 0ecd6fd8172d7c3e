package dev.errand.server.identity;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Users and API keys in the store. Methods take the caller's {@link Handle} so services own
 * transactions. Times are epoch milliseconds; {@code now} decides which keys count as usable.
 */
public interface IdentityStore {

    /** @return the number of users that are not revoked */
    long countActiveUsers(Handle h);

    /** Inserts a user created by no one (the bootstrap admin, tests). */
    default void insertUser(Handle h, String id, String email, Role role, long createdAt) {
        insertUser(h, id, email, role, createdAt, null);
    }

    /**
     * Inserts a user.
     *
     * @param createdBy the creating admin's user id, or null
     * @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException when an active user has the email
     */
    void insertUser(Handle h, String id, String email, Role role, long createdAt, String createdBy);

    /** @return the user with this id, revoked or not */
    Optional<User> findUser(Handle h, String id, long now);

    /** @return the one not-revoked user with this (lower-case) email */
    Optional<User> findActiveUserByEmail(Handle h, String email, long now);

    /** @return users sorted by email, then creation; revoked ones only when asked */
    List<User> listUsers(Handle h, boolean includeRevoked, long now);

    /** Marks a user revoked; @return false when it already was */
    boolean revokeUser(Handle h, String id, long at);

    /** Changes a user's role. */
    void setRole(Handle h, String id, Role role);

    /**
     * Counts admins that can still sign in (not revoked, with a usable key). On PostgreSQL the
     * admin rows are locked first, until the transaction ends, so two concurrent demotions or
     * revocations cannot both see two admins; call it before reading the user being changed.
     */
    long countUsableAdmins(Handle h, long now);

    /** Inserts a key given only its hash. */
    void insertKey(Handle h, String id, String userId, String name, String keyHash, long createdAt, Long expiresAt);

    /** @return the key with this hash joined with its user, if any */
    Optional<KeyRecord> findKeyByHash(Handle h, String keyHash);

    /** @return a key's metadata by id */
    Optional<ApiKey> findKey(Handle h, String keyId);

    /**
     * @param userId only this user's keys, or null for everyone's
     * @return keys sorted by owner email, then creation; revoked ones only when asked
     */
    List<ApiKey> listKeys(Handle h, String userId, boolean includeRevoked);

    /** Marks a key revoked; @return false when it already was */
    boolean revokeKey(Handle h, String keyId, long at);

    /** Records that a key was used at {@code at} (epoch ms). */
    void touchKey(Handle h, String keyId, long at);

    /** @return the email of a user id, if the user exists */
    Optional<String> emailOf(Handle h, String userId);
}
