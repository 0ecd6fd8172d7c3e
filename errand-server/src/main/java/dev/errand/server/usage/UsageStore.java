package dev.errand.server.usage;

import dev.errand.protocol.UsageReport;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Sums of recorded usage. Methods take the caller's {@link Handle}. */
public interface UsageStore {
    /**
     * @param byImage true to group by image, false by user email
     * @param sinceMs only executions that ended at or after this epoch ms
     * @param userId only this user's executions, or null for everyone's
     * @return one row per group, most expensive first
     */
    List<UsageReport.Row> sum(Handle h, boolean byImage, long sinceMs, String userId);
}
