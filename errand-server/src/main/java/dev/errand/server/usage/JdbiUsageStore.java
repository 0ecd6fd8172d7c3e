package dev.errand.server.usage;

import dev.errand.protocol.UsageReport;
import dev.errand.server.store.Rows;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** {@link UsageStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiUsageStore implements UsageStore {

    @Override
    public List<UsageReport.Row> sum(Handle h, boolean byImage, long sinceMs, String userId) {
        String key = byImage ? "e.image" : "u.email";
        var query = h.createQuery("SELECT " + key + """
                 AS k, COUNT(*) AS n,
                    COALESCE(SUM(CASE WHEN e.started_at IS NULL THEN 0 ELSE e.finished_at - e.started_at END), 0) AS wall_ms,
                    COALESCE(SUM(e.cpu_seconds), 0) AS cpu, MAX(e.peak_memory_bytes) AS peak,
                    COALESCE(SUM(e.cost_usd), 0) AS cost
                FROM executions e JOIN users u ON u.id = e.user_id
                WHERE e.cost_usd IS NOT NULL AND e.finished_at >= :since
                """ + (userId == null ? "" : " AND e.user_id = :user") + " GROUP BY " + key + " ORDER BY cost DESC, k")
                .bind("since", sinceMs);
        if (userId != null) {
            query.bind("user", userId);
        }
        return query.map((rs, ctx) -> new UsageReport.Row(rs.getString("k"), rs.getLong("n"), rs.getLong("wall_ms") / 1000.0,
                        rs.getDouble("cpu"), Rows.nullableLong(rs, "peak"), Math.round(rs.getDouble("cost") * 1e6) / 1e6))
                .list();
    }
}
