package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.UsageView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Executions in the store. Methods take the caller's {@link Handle}; services own transactions. */
public interface ExecutionStore {

    /** Inserts a new execution. */
    void insert(Handle h, Execution e);

    /** @return the execution with its owner's email, if it exists */
    Optional<Execution> find(Handle h, String id);

    /**
     * Lists executions newest first.
     *
     * @param statuses only these statuses; empty for all
     * @param userId only this owner's; null for everyone's
     * @param beforeId only ids below this cursor; null to start at the newest
     * @param limit at most this many
     */
    List<Execution> list(Handle h, Collection<ExecutionStatus> statuses, String userId, String beforeId, int limit);

    /**
     * Moves an execution from {@code from} to {@code to} if it is still in {@code from}
     * (compare-and-set), setting the given timestamps and outcome.
     *
     * @param startedAt epoch ms to set, or null to keep
     * @param finishedAt epoch ms to set, or null to keep
     * @param exitCode exit code to set, or null to keep
     * @param reason reason to set, or null to keep
     * @return true when the row was in {@code from} and moved; a move to a terminal status also
     *     releases the lock the execution held
     */
    boolean transition(Handle h, String id, ExecutionStatus from, ExecutionStatus to,
            Long startedAt, Long finishedAt, Integer exitCode, String reason);

    /** Stores what a terminal execution used and cost. */
    void recordUsage(Handle h, String id, UsageView usage);

    /**
     * @return 1 when a queued execution is next; else 1 + how many wait before it (for its lock,
     *     counting the holder, or in the whole queue when it has none)
     */
    int queuePosition(Handle h, Execution e);

    /** @return ids of queued executions whose lock (if any) is free, oldest first, at most {@code limit} */
    List<String> queued(Handle h, int limit);

    /** @return every execution in one of these statuses, oldest first */
    List<Execution> withStatus(Handle h, Collection<ExecutionStatus> statuses);
}
