package dev.errand.server.identity;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users and API keys in the store. Methods take the caller's {@link Handle} so services own transactions. */
public interface IdentityStore {

    /** @return the number of users that are not revoked */
    long countActiveUsers(Handle h);

    /** Inserts a user. */
    void insertUser(Handle h, String id, String email, Role role, long createdAt);

    /** Inserts a key given only its hash. */
    void insertKey(Handle h, String id, String userId, String name, String keyHash, long createdAt, Long expiresAt);

    /** @return the key with this hash joined with its user, if any */
    Optional<KeyRecord> findKeyByHash(Handle h, String keyHash);

    /** Records that a key was used at {@code at} (epoch ms). */
    void touchKey(Handle h, String keyId, long at);

    /** @return the email of a user id, if the user exists */
    Optional<String> emailOf(Handle h, String userId);
}
