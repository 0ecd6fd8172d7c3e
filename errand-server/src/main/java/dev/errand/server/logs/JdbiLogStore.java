package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@link LogStore} over {@code log_chunks}: each append is one row holding the batch packed by
 * {@link LogChunkCodec}, keyed by {@code (execution_id, first_seq)} with its {@code last_seq}.
 * Reads seek to the chunk holding {@code fromSeq} and decode forward. Portable SQL; stateless.
 */
public final class JdbiLogStore implements LogStore {
    /** Chunks read per query while filling a page. */
    private static final int CHUNKS_PER_QUERY = 16;

    @Override
    public void append(Handle h, String executionId, List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        h.createUpdate("""
                INSERT INTO log_chunks (execution_id, first_seq, last_seq, data) VALUES (:id, :first, :last, :data)
                """)
                .bind("id", executionId).bind("first", lines.getFirst().seq()).bind("last", lines.getLast().seq())
                .bind("data", LogChunkCodec.encode(lines))
                .execute();
    }

    @Override
    public List<LogLine> page(Handle h, String executionId, long fromSeq, int limit) {
        List<LogLine> out = new ArrayList<>();
        long next = fromSeq;
        while (out.size() < limit) {
            List<Chunk> chunks = h.createQuery("""
                    SELECT first_seq, data FROM log_chunks
                    WHERE execution_id = :id AND last_seq >= :from
                      AND first_seq >= (SELECT COALESCE(MAX(first_seq), 0) FROM log_chunks
                                        WHERE execution_id = :id AND first_seq <= :from)
                    ORDER BY first_seq LIMIT :n
                    """)
                    .bind("id", executionId).bind("from", next).bind("n", CHUNKS_PER_QUERY)
                    .map((rs, ctx) -> new Chunk(rs.getLong(1), rs.getBytes(2)))
                    .list();
            if (chunks.isEmpty()) {
                break;
            }
            for (Chunk c : chunks) {
                List<LogLine> lines = LogChunkCodec.decode(c.firstSeq(), c.data(), next, limit - out.size());
                out.addAll(lines);
                if (!lines.isEmpty()) {
                    next = lines.getLast().seq() + 1;
                }
                if (out.size() >= limit) {
                    break;
                }
            }
            if (chunks.size() < CHUNKS_PER_QUERY) {
                break;
            }
        }
        return out;
    }

    @Override
    public long lastSeq(Handle h, String executionId) {
        return h.createQuery("SELECT COALESCE(MAX(last_seq), 0) FROM log_chunks WHERE execution_id = :id")
                .bind("id", executionId).mapTo(Long.class).one();
    }

    private record Chunk(long firstSeq, byte[] data) {}
}
