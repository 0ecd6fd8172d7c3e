package dev.errand.server.lock;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** {@link LockStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiLockStore implements LockStore {

    @Override
    public boolean acquire(Handle h, String name, String executionId, long now) {
        // ON CONFLICT DO NOTHING: a taken lock is an answer, not an error that aborts the transaction.
        return h.createUpdate("""
                INSERT INTO locks (name, execution_id, acquired_at) VALUES (:name, :id, :now)
                ON CONFLICT (name) DO NOTHING
                """).bind("name", name).bind("id", executionId).bind("now", now).execute() == 1;
    }

    @Override
    public void releaseFor(Handle h, String executionId) {
        h.createUpdate("DELETE FROM locks WHERE execution_id = :id").bind("id", executionId).execute();
    }

    @Override
    public boolean release(Handle h, String name) {
        return h.createUpdate("DELETE FROM locks WHERE name = :name").bind("name", name).execute() == 1;
    }

    @Override
    public boolean busy(Handle h, String name) {
        return h.createQuery("""
                SELECT COUNT(*) FROM executions WHERE lock_name = :name AND status IN ('QUEUED', 'STARTING', 'RUNNING')
                """).bind("name", name).mapTo(Integer.class).one() > 0;
    }

    @Override
    public List<Held> list(Handle h) {
        return h.createQuery("""
                SELECT l.name, l.execution_id, u.email, l.acquired_at,
                    (SELECT COUNT(*) FROM executions q WHERE q.lock_name = l.name AND q.status = 'QUEUED') AS waiting
                FROM locks l JOIN executions e ON e.id = l.execution_id JOIN users u ON u.id = e.user_id
                ORDER BY l.name
                """).map((rs, ctx) -> new Held(rs.getString("name"), rs.getString("execution_id"),
                        rs.getString("email"), rs.getLong("acquired_at"), rs.getInt("waiting"))).list();
    }
}
