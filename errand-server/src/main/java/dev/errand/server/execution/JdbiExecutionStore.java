package dev.errand.server.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** {@link ExecutionStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiExecutionStore implements ExecutionStore {
    private static final TypeReference<Map<String, String>> ENV = new TypeReference<>() {};
    private static final String SELECT = """
            SELECT e.*, u.email FROM executions e JOIN users u ON u.id = e.user_id
            """;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void insert(Handle h, Execution e) {
        h.createUpdate("""
                INSERT INTO executions (id, user_id, command, image, driver, env_json, network, timeout_seconds,
                    status, request_id, created_at)
                VALUES (:id, :user, :command, :image, :driver, :env, :network, :timeout, :status, :request, :created)
                """)
                .bind("id", e.id()).bind("user", e.userId()).bind("command", e.command()).bind("image", e.image())
                .bind("driver", e.driver()).bind("env", writeEnv(e.env())).bind("network", e.network() ? 1 : 0)
                .bind("timeout", e.timeoutSeconds()).bind("status", e.status().name())
                .bind("request", e.requestId()).bind("created", e.createdAt().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<Execution> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE e.id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findOne();
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
        return q.map((rs, ctx) -> read(rs)).list();
    }

    @Override
    public boolean transition(Handle h, String id, ExecutionStatus from, ExecutionStatus to,
            Long startedAt, Long finishedAt, Integer exitCode, String reason) {
        StateMachine.check(from, to);
        return h.createUpdate("""
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
    }

    @Override
    public List<String> queued(Handle h, int limit) {
        return h.createQuery("SELECT id FROM executions WHERE status = 'QUEUED' ORDER BY id LIMIT :limit")
                .bind("limit", limit).mapTo(String.class).list();
    }

    @Override
    public List<Execution> withStatus(Handle h, Collection<ExecutionStatus> statuses) {
        return h.createQuery(SELECT + " WHERE e.status IN (<statuses>) ORDER BY e.id")
                .bindList("statuses", statuses.stream().map(Enum::name).toList())
                .map((rs, ctx) -> read(rs)).list();
    }

    private Execution read(ResultSet rs) throws SQLException {
        return new Execution(rs.getString("id"), rs.getString("user_id"), rs.getString("email"),
                rs.getString("command"), rs.getString("image"), rs.getString("driver"), readEnv(rs.getString("env_json")),
                rs.getInt("network") != 0, rs.getInt("timeout_seconds"), ExecutionStatus.valueOf(rs.getString("status")),
                Rows.nullableInt(rs, "exit_code"), rs.getString("reason"), rs.getString("request_id"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"));
    }


    private String writeEnv(Map<String, String> env) {
        try {
            return json.writeValueAsString(env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readEnv(String text) {
        try {
            return json.readValue(text, ENV);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt env_json", e);
        }
    }
}
