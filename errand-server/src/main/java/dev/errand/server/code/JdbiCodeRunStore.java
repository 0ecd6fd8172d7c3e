package dev.errand.server.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecuteResult;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link CodeRunStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
final class JdbiCodeRunStore implements CodeRunStore {
    private final ObjectMapper json;

    /** @param json the wire mapper, used to keep results in the same shape the API shows */
    JdbiCodeRunStore(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void insert(Handle h, String userId, ExecuteResult r) {
        h.createUpdate("""
                INSERT INTO code_runs (id, user_id, language, version, status, exit_code, time_ms, cpu_ms, memory_kb,
                    result_json, created_at)
                VALUES (:id, :user, :language, :version, :status, :exit, :time, :cpu, :memory, :result, :created)
                """)
                .bind("id", r.id()).bind("user", userId).bind("language", r.language()).bind("version", r.version())
                .bind("status", r.status().wireName()).bind("exit", r.exitCode()).bind("time", r.timeMs())
                .bind("cpu", r.cpuMs()).bind("memory", r.memoryKb()).bind("result", write(r))
                .bind("created", r.createdAt().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<Stored> find(Handle h, String id) {
        return h.createQuery("SELECT user_id, result_json FROM code_runs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getString("user_id"), read(rs.getString("result_json"))))
                .findOne();
    }

    private String write(ExecuteResult r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExecuteResult read(String text) {
        try {
            return json.readValue(text, ExecuteResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt code_runs.result_json", e);
        }
    }
}
