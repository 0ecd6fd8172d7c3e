package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.UsageView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** {@link ExecutionStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiExecutionStore implements ExecutionStore {
    private static final String SELECT = """
            SELECT e.*, u.email FROM executions e JOIN users u ON u.id = e.user_id
            """;

    @Override
    public void insert(Handle h, Execution e) {
        h.createUpdate("""
                INSERT INTO executions (id, user_id, command, image, driver, env_json, network, timeout_seconds,
                    status, request_id, created_at, secrets_json, lock_name, git_json, limits_json)
                VALUES (:id, :user, :command, :image, :driver, :env, :network, :timeout, :status, :request, :created,
                    :secrets, :lock, :git, :limits)
                """)
                .bind("id", e.id()).bind("user", e.userId()).bind("command", e.command()).bind("image", e.image())
                .bind("driver", e.driver()).bind("env", ExecutionColumns.write(e.env()))
                .bind("network", e.network() ? 1 : 0)
                .bind("timeout", e.timeoutSeconds()).bind("status", e.status().name())
                .bind("request", e.requestId()).bind("created", e.createdAt().toEpochMilli())
                .bind("secrets", e.secrets().isEmpty() ? null : ExecutionColumns.write(e.secrets()))
                .bind("lock", e.lockName()).bind("git", ExecutionColumns.write(e.git()))
                .bind("limits", ExecutionColumns.write(e.limits()))
                .execute();
    }

    @Override
    public Optional<Execution> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE e.id = :id").bind("id", id)
                .map((rs, ctx) -> ExecutionColumns.read(rs)).findOne();
    }

    @Override
    public List<Execution> list(Handle h, Collection<ExecutionStatus> statuses, String userId, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (!statuses.isEmpty()) {
            sql.append(" AND e.status IN (<statuses>)");
        }
        if (userId != null) {
            sql.append(" AND e.user_id = :user");
        }
        if (beforeId != null) {
            sql.append(" AND e.id < :before");
        }
        sql.append(" ORDER BY e.id DESC LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("limit", limit);
        if (!statuses.isEmpty()) {
            q.bindList("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (userId != null) {
            q.bind("user", userId);
        }
        if (beforeId != null) {
            q.bind("before", beforeId);
        }
        return q.map((rs, ctx) -> ExecutionColumns.read(rs)).list();
    }

    @Override
    public boolean transition(Handle h, String id, ExecutionStatus from, ExecutionStatus to,
            Long startedAt, Long finishedAt, Integer exitCode, String reason) {
        StateMachine.check(from, to);
        boolean moved = h.createUpdate("""
                UPDATE executions SET status = :to,
                    started_at = COALESCE(:started, started_at),
                    finished_at = COALESCE(:finished, finished_at),
                    exit_code = COALESCE(:exit, exit_code),
                    reason = COALESCE(:reason, reason)
                WHERE id = :id AND status = :from
                """)
                .bind("to", to.name()).bind("from", from.name()).bind("id", id)
                .bind("started", startedAt).bind("finished", finishedAt).bind("exit", exitCode).bind("reason", reason)
                .execute() == 1;
        if (moved && to.terminal()) {
            // The one place every terminal status passes, LOST included: the lock goes with it.
            h.createUpdate("DELETE FROM locks WHERE execution_id = :id").bind("id", id).execute();
        }
        return moved;
    }

    @Override
    public void recordUsage(Handle h, String id, UsageView usage) {
        h.createUpdate("""
                UPDATE executions SET cpu_seconds = :cpu, peak_memory_bytes = :peak, cost_usd = :cost WHERE id = :id
                """)
                .bind("cpu", usage.cpuSeconds()).bind("peak", usage.peakMemoryBytes()).bind("cost", usage.costUsd())
                .bind("id", id).execute();
    }

    @Override
    public List<String> queued(Handle h, int limit) {
        // Executions waiting for a held lock are skipped, so they never starve the rest of the queue.
        return h.createQuery("""
                SELECT e.id FROM executions e WHERE e.status = 'QUEUED'
                  AND (e.lock_name IS NULL OR NOT EXISTS (SELECT 1 FROM locks l WHERE l.name = e.lock_name))
                ORDER BY e.id LIMIT :limit
                """)
                .bind("limit", limit).mapTo(String.class).list();
    }

    @Override
    public int queuePosition(Handle h, Execution e) {
        if (e.lockName() == null) {
            return 1 + h.createQuery("SELECT COUNT(*) FROM executions WHERE status = 'QUEUED' AND id < :id")
                    .bind("id", e.id()).mapTo(Integer.class).one();
        }
        return 1 + h.createQuery("""
                SELECT COUNT(*) FROM executions WHERE lock_name = :lock AND id < :id
                  AND status IN ('QUEUED', 'STARTING', 'RUNNING')
                """).bind("lock", e.lockName()).bind("id", e.id()).mapTo(Integer.class).one();
    }

    @Override
    public List<Execution> withStatus(Handle h, Collection<ExecutionStatus> statuses) {
        return h.createQuery(SELECT + " WHERE e.status IN (<statuses>) ORDER BY e.id")
                .bindList("statuses", statuses.stream().map(Enum::name).toList())
                .map((rs, ctx) -> ExecutionColumns.read(rs)).list();
    }
}
