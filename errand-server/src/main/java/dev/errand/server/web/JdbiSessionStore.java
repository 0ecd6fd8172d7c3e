package dev.errand.server.web;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link SessionStore} in SQL that SQLite and PostgreSQL both accept. Stateless, thread-safe. */
public final class JdbiSessionStore implements SessionStore {

    @Override
    public void insert(Handle h, WebSession s) {
        h.createUpdate("""
                INSERT INTO web_sessions (id, user_id, key_id, sealed_key, created_at, last_seen_at, expires_at)
                VALUES (:id, :user, :key, :sealed, :created, :seen, :expires)
                """)
                .bind("id", s.id()).bind("user", s.userId()).bind("key", s.keyId()).bind("sealed", s.sealedKey())
                .bind("created", s.createdAt()).bind("seen", s.lastSeenAt()).bind("expires", s.expiresAt())
                .execute();
    }

    @Override
    public Optional<WebSession> find(Handle h, String id) {
        return h.createQuery("""
                SELECT id, user_id, key_id, sealed_key, created_at, last_seen_at, expires_at
                FROM web_sessions WHERE id = :id
                """)
                .bind("id", id)
                .map((rs, ctx) -> new WebSession(rs.getString("id"), rs.getString("user_id"), rs.getString("key_id"),
                        rs.getString("sealed_key"), rs.getLong("created_at"), rs.getLong("last_seen_at"),
                        rs.getLong("expires_at")))
                .findOne();
    }

    @Override
    public void touch(Handle h, String id, long at) {
        h.createUpdate("UPDATE web_sessions SET last_seen_at = :at WHERE id = :id AND last_seen_at < :at")
                .bind("at", at).bind("id", id).execute();
    }

    @Override
    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM web_sessions WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public int deleteEnded(Handle h, long idleBefore, long expiresBefore) {
        return h.createUpdate("DELETE FROM web_sessions WHERE last_seen_at < :idle OR expires_at <= :expires")
                .bind("idle", idleBefore).bind("expires", expiresBefore).execute();
    }
}
