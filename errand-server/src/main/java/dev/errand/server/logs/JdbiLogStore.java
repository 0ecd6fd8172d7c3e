package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@link LogStore} in portable SQL. The append path uses a plain JDBC batch on the handle's
 * connection: it is the ingest hot path (hundreds of thousands of lines per second).
 */
public final class JdbiLogStore implements LogStore {
    private static final LogStream[] STREAMS = LogStream.values();

    @Override
    public void append(Handle h, String executionId, List<LogLine> lines) {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO log_lines (execution_id, seq, ts, stream, text) VALUES (?, ?, ?, ?, ?)")) {
            for (LogLine line : lines) {
                ps.setString(1, executionId);
                ps.setLong(2, line.seq());
                ps.setLong(3, line.ts().toEpochMilli());
                ps.setInt(4, line.stream().ordinal());
                ps.setString(5, line.text());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store log lines of " + executionId, e);
        }
    }

    @Override
    public List<LogLine> page(Handle h, String executionId, long fromSeq, int limit) {
        return h.createQuery("""
                SELECT seq, ts, stream, text FROM log_lines
                WHERE execution_id = :id AND seq >= :from ORDER BY seq LIMIT :limit
                """)
                .bind("id", executionId).bind("from", fromSeq).bind("limit", limit)
                .map((rs, ctx) -> new LogLine(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        STREAMS[rs.getInt(3)], rs.getString(4)))
                .list();
    }

    @Override
    public long lastSeq(Handle h, String executionId) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM log_lines WHERE execution_id = :id")
                .bind("id", executionId).mapTo(Long.class).one();
    }
}
