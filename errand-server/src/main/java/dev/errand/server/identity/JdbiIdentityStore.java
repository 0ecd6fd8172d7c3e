package dev.errand.server.identity;

import dev.errand.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link IdentityStore} in SQL that SQLite and PostgreSQL both accept. Stateless, thread-safe. */
public final class JdbiIdentityStore implements IdentityStore {
    private static final String USER_COLUMNS = """
            SELECT u.id, u.email, u.role, u.created_at, u.revoked_at,
                   (SELECT c.email FROM users c WHERE c.id = u.created_by) AS created_by_email,
                   (SELECT COUNT(*) FROM api_keys k WHERE k.user_id = u.id AND k.revoked_at IS NULL
                        AND (k.expires_at IS NULL OR k.expires_at > :now)) AS usable_keys,
                   (SELECT MAX(k.last_used_at) FROM api_keys k WHERE k.user_id = u.id) AS last_used_at
            FROM users u
            """;
    private static final String KEY_COLUMNS = """
            SELECT k.id, k.user_id, u.email, k.name, k.created_at, k.expires_at, k.last_used_at, k.revoked_at
            FROM api_keys k JOIN users u ON u.id = k.user_id
            """;

    @Override
    public long countActiveUsers(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE revoked_at IS NULL").mapTo(Long.class).one();
    }

    @Override
    public void insertUser(Handle h, String id, String email, Role role, long createdAt, String createdBy) {
        h.createUpdate("""
                INSERT INTO users (id, email, role, created_at, created_by) VALUES (:id, :email, :role, :created, :by)
                """)
                .bind("id", id).bind("email", email).bind("role", role.name()).bind("created", createdAt)
                .bind("by", createdBy)
                .execute();
    }

    @Override
    public Optional<User> findUser(Handle h, String id, long now) {
        return h.createQuery(USER_COLUMNS + "WHERE u.id = :id").bind("id", id).bind("now", now)
                .map(JdbiIdentityStore::user).findOne();
    }

    @Override
    public Optional<User> findActiveUserByEmail(Handle h, String email, long now) {
        return h.createQuery(USER_COLUMNS + "WHERE u.email = :email AND u.revoked_at IS NULL")
                .bind("email", email).bind("now", now)
                .map(JdbiIdentityStore::user).findOne();
    }

    @Override
    public List<User> listUsers(Handle h, boolean includeRevoked, long now) {
        String where = includeRevoked ? "" : "WHERE u.revoked_at IS NULL ";
        return h.createQuery(USER_COLUMNS + where + "ORDER BY u.email, u.created_at, u.id").bind("now", now)
                .map(JdbiIdentityStore::user).list();
    }

    @Override
    public boolean revokeUser(Handle h, String id, long at) {
        return h.createUpdate("UPDATE users SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at).bind("id", id).execute() == 1;
    }

    @Override
    public void setRole(Handle h, String id, Role role) {
        h.createUpdate("UPDATE users SET role = :role WHERE id = :id").bind("role", role.name()).bind("id", id).execute();
    }

    @Override
    public long countUsableAdmins(Handle h, long now) {
        if (postgres(h)) {
            h.createQuery("SELECT id FROM users WHERE role = 'ADMIN' AND revoked_at IS NULL FOR UPDATE")
                    .mapTo(String.class).list();
        }
        return h.createQuery("""
                SELECT COUNT(*) FROM users u WHERE u.role = 'ADMIN' AND u.revoked_at IS NULL AND EXISTS (
                    SELECT 1 FROM api_keys k WHERE k.user_id = u.id AND k.revoked_at IS NULL
                        AND (k.expires_at IS NULL OR k.expires_at > :now))
                """).bind("now", now).mapTo(Long.class).one();
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
    public Optional<ApiKey> findKey(Handle h, String keyId) {
        return h.createQuery(KEY_COLUMNS + "WHERE k.id = :id").bind("id", keyId).map(JdbiIdentityStore::key).findOne();
    }

    @Override
    public List<ApiKey> listKeys(Handle h, String userId, boolean includeRevoked) {
        String where = "WHERE 1 = 1" + (userId == null ? "" : " AND k.user_id = :user")
                + (includeRevoked ? "" : " AND k.revoked_at IS NULL");
        var query = h.createQuery(KEY_COLUMNS + where + " ORDER BY u.email, k.created_at, k.id");
        if (userId != null) {
            query.bind("user", userId);
        }
        return query.map(JdbiIdentityStore::key).list();
    }

    @Override
    public boolean revokeKey(Handle h, String keyId, long at) {
        return h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at).bind("id", keyId).execute() == 1;
    }

    @Override
    public void touchKey(Handle h, String keyId, long at) {
        h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id").bind("at", at).bind("id", keyId).execute();
    }

    @Override
    public Optional<String> emailOf(Handle h, String userId) {
        return h.createQuery("SELECT email FROM users WHERE id = :id").bind("id", userId).mapTo(String.class).findOne();
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
                rs.getLong("created_at"), rs.getString("created_by_email"), Rows.nullableLong(rs, "revoked_at"),
                rs.getInt("usable_keys"), Rows.nullableLong(rs, "last_used_at"));
    }

    private static ApiKey key(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("user_id"), rs.getString("email"), rs.getString("name"),
                rs.getLong("created_at"), Rows.nullableLong(rs, "expires_at"), Rows.nullableLong(rs, "last_used_at"),
                Rows.nullableLong(rs, "revoked_at"));
    }

    private static boolean postgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }
}
