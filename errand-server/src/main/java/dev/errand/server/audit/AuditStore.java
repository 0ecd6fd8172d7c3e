package dev.errand.server.audit;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The audit log in the store. Methods take the caller's {@link Handle}; {@link AuditLog} owns transactions. */
public interface AuditStore {

    /**
     * Reads the chain head for appending; on PostgreSQL the row is locked until the transaction
     * ends, so appenders in other processes wait (on SQLite writes are serialized already).
     */
    Head lockHead(Handle h);

    /** @return the chain head without locking */
    Head head(Handle h);

    /** Inserts sealed entries, in order. */
    void append(Handle h, List<AuditEntry> entries);

    /** Moves the chain head. */
    void setHead(Handle h, Head head);

    /** @return matching entries with {@code seq < beforeSeq} (null for no bound), newest first */
    List<AuditEntry> newestFirst(Handle h, AuditQuery q, Long beforeSeq, int limit);

    /** @return matching entries with {@code seq > afterSeq}, oldest first */
    List<AuditEntry> oldestFirst(Handle h, AuditQuery q, long afterSeq, int limit);

    /** @return the highest sequence number in the log, 0 when empty */
    long maxSeq(Handle h);

    /** @return one request's entries, oldest first */
    List<AuditEntry> forRequest(Handle h, String requestId);

    /**
     * The last entry written.
     *
     * @param seq its sequence number, 0 for an empty log
     * @param hash its hash, {@link AuditChain#GENESIS} for an empty log
     */
    record Head(long seq, String hash) {}
}
