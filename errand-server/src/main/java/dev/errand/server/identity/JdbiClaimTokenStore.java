package dev.errand.server.identity;

import dev.errand.server.store.Rows;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link ClaimTokenStore} in SQL that SQLite and PostgreSQL both accept. Stateless, thread-safe. */
public final class JdbiClaimTokenStore implements ClaimTokenStore {

    @Override
    public void insert(Handle h, ClaimToken token, String tokenHash, String createdBy) {
        h.createUpdate("""
                INSERT INTO claim_tokens (id, user_id, token_hash, created_by, created_at, expires_at)
                VALUES (:id, :user, :hash, :by, :created, :expires)
                """)
                .bind("id", token.id()).bind("user", token.userId()).bind("hash", tokenHash).bind("by", createdBy)
                .bind("created", token.createdAt()).bind("expires", token.expiresAt())
                .execute();
    }

    @Override
    public Optional<ClaimToken> findByHash(Handle h, String tokenHash) {
        return h.createQuery("""
                SELECT id, user_id, created_at, expires_at, used_at FROM claim_tokens WHERE token_hash = :hash
                """)
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new ClaimToken(rs.getString("id"), rs.getString("user_id"), rs.getLong("created_at"),
                        rs.getLong("expires_at"), Rows.nullableLong(rs, "used_at")))
                .findOne();
    }

    @Override
    public boolean markUsed(Handle h, String id, long at, String from) {
        return h.createUpdate("""
                UPDATE claim_tokens SET used_at = :at, used_from = :from WHERE id = :id AND used_at IS NULL
                """)
                .bind("at", at).bind("from", from).bind("id", id).execute() == 1;
    }

    @Override
    public void expireUnused(Handle h, String userId, long at) {
        h.createUpdate("""
                UPDATE claim_tokens SET expires_at = :at WHERE user_id = :user AND used_at IS NULL AND expires_at > :at
                """)
                .bind("at", at).bind("user", userId).execute();
    }
}
