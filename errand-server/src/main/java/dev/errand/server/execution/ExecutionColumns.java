package dev.errand.server.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.Json;
import dev.errand.protocol.UsageView;
import dev.errand.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads an execution row, and writes the columns stored as JSON text. Thread-safe. */
final class ExecutionColumns {
    private static final TypeReference<Map<String, String>> ENV = new TypeReference<>() {};
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private static final ObjectMapper JSON = Json.newMapper();

    private ExecutionColumns() {}

    static Execution read(ResultSet rs) throws SQLException {
        Instant started = Rows.instant(rs, "started_at");
        Instant finished = Rows.instant(rs, "finished_at");
        return new Execution(rs.getString("id"), rs.getString("user_id"), rs.getString("email"),
                rs.getString("command"), rs.getString("image"), rs.getString("driver"),
                read(rs.getString("env_json"), ENV), rs.getInt("network") != 0, rs.getInt("timeout_seconds"),
                ExecutionStatus.valueOf(rs.getString("status")), Rows.nullableInt(rs, "exit_code"),
                rs.getString("reason"), rs.getString("request_id"), Rows.instant(rs, "created_at"), started, finished,
                read(rs.getString("secrets_json"), NAMES), rs.getString("lock_name"),
                read(rs.getString("git_json"), GitSource.class), read(rs.getString("limits_json"), ExecutionLimits.class),
                usage(rs, started, finished));
    }

    private static UsageView usage(ResultSet rs, Instant started, Instant finished) throws SQLException {
        double cost = rs.getDouble("cost_usd");
        if (rs.wasNull()) {
            return null;
        }
        double cpu = rs.getDouble("cpu_seconds");
        Double cpuSeconds = rs.wasNull() ? null : cpu;
        long peak = rs.getLong("peak_memory_bytes");
        Long peakBytes = rs.wasNull() ? null : peak;
        double wall = started == null || finished == null ? 0 : (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        return new UsageView(wall, cpuSeconds, peakBytes, cost);
    }

    /** @return the value as JSON text, or null for null */
    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column of type " + type.getSimpleName(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column", e);
        }
    }
}
