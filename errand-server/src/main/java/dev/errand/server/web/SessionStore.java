package dev.errand.server.web;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Browser sessions in the store. Methods take the caller's {@link Handle} so the service owns transactions. */
public interface SessionStore {

    /** Inserts a session. */
    void insert(Handle h, WebSession session);

    /** @return the session with this id, if any */
    Optional<WebSession> find(Handle h, String id);

    /** Records a request made with the session at {@code at}. */
    void touch(Handle h, String id, long at);

    /** Deletes a session; nothing happens when there is none. */
    void delete(Handle h, String id);

    /**
     * Deletes the sessions idle since before {@code idleBefore} or past {@code expiresBefore}.
     *
     * @return how many were deleted
     */
    int deleteEnded(Handle h, long idleBefore, long expiresBefore);
}
