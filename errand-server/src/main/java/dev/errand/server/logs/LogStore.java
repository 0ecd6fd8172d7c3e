package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Log lines in the store, addressed by {@code (execution id, seq)}. */
public interface LogStore {

    /** Appends lines (ascending seq, none stored before) in the caller's transaction. */
    void append(Handle h, String executionId, List<LogLine> lines);

    /**
     * @param fromSeq the first seq wanted (1 for the beginning)
     * @param limit the most lines to return
     * @return lines with seq ≥ fromSeq in ascending seq, at most {@code limit}
     */
    List<LogLine> page(Handle h, String executionId, long fromSeq, int limit);

    /** @return the highest stored seq of the execution, 0 when it has none */
    long lastSeq(Handle h, String executionId);
}
