package dev.errand.server.lock;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Lock rows in the store. Methods take the caller's {@link Handle}; services own transactions. */
public interface LockStore {
    /**
     * A held lock.
     *
     * @param name the lock's name
     * @param executionId the execution holding it
     * @param userEmail who started that execution
     * @param acquiredAt epoch ms it was taken
     * @param waiting how many queued executions wait for it
     */
    record Held(String name, String executionId, String userEmail, long acquiredAt, int waiting) {}

    /** Takes {@code name} for {@code executionId}; @return false when another execution holds it */
    boolean acquire(Handle h, String name, String executionId, long now);

    /** Drops whatever lock {@code executionId} holds. */
    void releaseFor(Handle h, String executionId);

    /** Drops the lock {@code name}; @return false when nobody held it */
    boolean release(Handle h, String name);

    /** @return true when the lock is held or a queued execution already waits for it */
    boolean busy(Handle h, String name);

    /** @return every held lock, by name */
    List<Held> list(Handle h);
}
