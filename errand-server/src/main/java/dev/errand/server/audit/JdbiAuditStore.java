package dev.errand.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AuditStore} in SQL that SQLite and PostgreSQL both accept. Stateless, thread-safe. */
public final class JdbiAuditStore implements AuditStore {
    private static final String COLUMNS = """
            SELECT seq, at, request_id, user_id, user_email, key_id, role, action, target_type, target_id, outcome,
                   status, detail, source, prev_hash, hash FROM audit_log
            """;

    @Override
    public Head lockHead(Handle h) {
        boolean postgres = product(h).contains("postgres");
        return h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1" + (postgres ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
    }

    @Override
    public Head head(Handle h) {
        return h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
    }

    @Override
    public void append(Handle h, List<AuditEntry> entries) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO audit_log (seq, at, request_id, user_id, user_email, key_id, role, action, target_type,
                    target_id, outcome, status, detail, source, prev_hash, hash)
                VALUES (:seq, :at, :request, :user, :email, :key, :role, :action, :ttype, :tid, :outcome, :status,
                    :detail, :source, :prev, :hash)
                """);
        for (AuditEntry e : entries) {
            AuditDraft d = e.draft();
            batch.bind("seq", e.seq()).bind("at", d.at()).bind("request", d.requestId()).bind("user", d.userId())
                    .bind("email", d.userEmail()).bind("key", d.keyId()).bind("role", d.role())
                    .bind("action", d.action()).bind("ttype", d.targetType()).bind("tid", d.targetId())
                    .bind("outcome", d.outcome()).bind("status", d.status()).bind("detail", d.detail())
                    .bind("source", d.source()).bind("prev", e.prevHash()).bind("hash", e.hash())
                    .add();
        }
        batch.execute();
    }

    @Override
    public void setHead(Handle h, Head head) {
        h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", head.seq()).bind("hash", head.hash()).execute();
    }

    @Override
    public List<AuditEntry> newestFirst(Handle h, AuditQuery q, Long beforeSeq, int limit) {
        Map<String, Object> binds = new HashMap<>();
        StringBuilder where = where(q, binds);
        if (beforeSeq != null) {
            where.append(" AND seq < :before");
            binds.put("before", beforeSeq);
        }
        return h.createQuery(COLUMNS + where + " ORDER BY seq DESC LIMIT " + limit).bindMap(binds)
                .map(JdbiAuditStore::entry).list();
    }

    @Override
    public List<AuditEntry> oldestFirst(Handle h, AuditQuery q, long afterSeq, int limit) {
        Map<String, Object> binds = new HashMap<>();
        StringBuilder where = where(q, binds).append(" AND seq > :after");
        binds.put("after", afterSeq);
        return h.createQuery(COLUMNS + where + " ORDER BY seq LIMIT " + limit).bindMap(binds)
                .map(JdbiAuditStore::entry).list();
    }

    @Override
    public long maxSeq(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_log").mapTo(Long.class).one();
    }

    @Override
    public List<AuditEntry> forRequest(Handle h, String requestId) {
        return h.createQuery(COLUMNS + "WHERE request_id = :id ORDER BY seq").bind("id", requestId)
                .map(JdbiAuditStore::entry).list();
    }

    private static StringBuilder where(AuditQuery q, Map<String, Object> binds) {
        StringBuilder w = new StringBuilder("WHERE 1 = 1");
        if (q.user() != null) {
            boolean id = q.user().startsWith("usr_");
            w.append(id ? " AND user_id = :user" : " AND user_email = :user");
            binds.put("user", id ? q.user() : q.user().strip().toLowerCase(Locale.ROOT));
        }
        if (q.action() != null) {
            String a = q.action().strip();
            if (a.endsWith("*") || a.endsWith(".")) {
                String prefix = a.endsWith("*") ? a.substring(0, a.length() - 1) : a;
                w.append(" AND SUBSTR(action, 1, ").append(prefix.length()).append(") = :action");
                binds.put("action", prefix);
            } else {
                w.append(" AND action = :action");
                binds.put("action", a);
            }
        }
        if (q.target() != null) {
            int colon = q.target().indexOf(':');
            if (colon > 0) {
                w.append(" AND target_type = :ttype");
                binds.put("ttype", q.target().substring(0, colon));
            }
            w.append(" AND target_id = :tid");
            binds.put("tid", q.target().substring(colon + 1));
        }
        if (q.since() != null) {
            w.append(" AND at >= :since");
            binds.put("since", q.since());
        }
        if (q.until() != null) {
            w.append(" AND at < :until");
            binds.put("until", q.until());
        }
        if (q.outcome() != null) {
            w.append(" AND outcome = :outcome");
            binds.put("outcome", q.outcome());
        }
        return w;
    }

    private static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        AuditDraft d = new AuditDraft(rs.getLong("at"), rs.getString("request_id"), rs.getString("user_id"),
                rs.getString("user_email"), rs.getString("key_id"), rs.getString("role"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"), rs.getInt("status"),
                rs.getString("detail"), rs.getString("source"));
        return new AuditEntry(rs.getLong("seq"), d, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static String product(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }
}
