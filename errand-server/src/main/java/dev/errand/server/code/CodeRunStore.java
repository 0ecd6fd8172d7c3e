package dev.errand.server.code;

import dev.errand.protocol.ExecuteResult;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Finished code runs in the store. Methods take the caller's {@link Handle}; services own transactions. */
interface CodeRunStore {

    /** Inserts a finished run; its execution row must already exist. */
    void insert(Handle h, String userId, ExecuteResult result);

    /**
     * @return the run's result and its owner's user id, if it exists
     */
    Optional<Stored> find(Handle h, String id);

    /**
     * @param userId the owner
     * @param result the stored result
     */
    record Stored(String userId, ExecuteResult result) {}
}
