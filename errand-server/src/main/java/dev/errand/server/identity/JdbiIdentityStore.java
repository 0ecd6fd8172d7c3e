package dev.errand.server.identity;

import dev.errand.server.store.Rows;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link IdentityStore} in SQL that SQLite and PostgreSQL both accept. Stateless, thread-safe. */
public final class JdbiIdentityStore implements IdentityStore {

    @Override
    public long countActiveUsers(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE revoked_at IS NULL").mapTo(Long.class).one();
    }

    @Override
    public void insertUser(Handle h, String id, String email, Role role, long createdAt) {
        h.createUpdate("""
                INSERT INTO users (id, email, role, created_at) VALUES (:id, :email, :role, :created)
                """)
                .bind("id", id).bind("email", email).bind("role", role.name()).bind("created", createdAt)
                .execute();
    }

    @Override
    public void insertKey(Handle h, String id, String userId, String name, String keyHash, long createdAt, Long expiresAt) {
        h.createUpdate("""
                INSERT INTO api_keys (id, user_id, name, key_hash, created_at, expires_at)
                VALUES (:id, :user, :name, :hash, :created, :expires)
                """)
                .bind("id", id).bind("user", userId).bind("name", name).bind("hash", keyHash)
                .bind("created", createdAt).bind("expires", expiresAt)
                .execute();
    }

    @Override
    public Optional<KeyRecord> findKeyByHash(Handle h, String keyHash) {
        return h.createQuery("""
                SELECT k.id, k.key_hash, u.id AS user_id, u.email, u.role, k.expires_at, k.revoked_at AS key_revoked,
                       u.revoked_at AS user_revoked
                FROM api_keys k JOIN users u ON u.id = k.user_id
                WHERE k.key_hash = :hash
                """)
                .bind("hash", keyHash)
                .map((rs, ctx) -> new KeyRecord(
                        rs.getString("id"), rs.getString("key_hash"), rs.getString("user_id"), rs.getString("email"),
                        Role.valueOf(rs.getString("role")),
                        Rows.nullableLong(rs, "expires_at"),
                        Rows.nullableLong(rs, "key_revoked"),
                        Rows.nullableLong(rs, "user_revoked")))
                .findOne();
    }

    @Override
    public void touchKey(Handle h, String keyId, long at) {
        h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id").bind("at", at).bind("id", keyId).execute();
    }

    @Override
    public Optional<String> emailOf(Handle h, String userId) {
        return h.createQuery("SELECT email FROM users WHERE id = :id").bind("id", userId).mapTo(String.class).findOne();
    }
}
