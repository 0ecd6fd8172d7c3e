package dev.errand.server.lock;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.LockView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists held locks and releases one by hand. Taking and dropping locks with executions is done by
 * the execution scheduler and store; releasing by hand is for a holder that should no longer
 * block others (it keeps running: kill it to stop it). Thread-safe.
 */
public final class LockService {
    private static final Logger LOG = LoggerFactory.getLogger(LockService.class);
    private final Database db;
    private final LockStore store;

    /**
     * @param db the store
     * @param store the lock SQL
     */
    public LockService(Database db, LockStore store) {
        this.db = db;
        this.store = store;
    }

    /** @return every held lock, by name; any role may list them */
    public List<LockView> list(Principal caller) {
        return db.read(h -> store.list(h)).stream().map(l -> new LockView(l.name(), l.executionId(), l.userEmail(),
                Instant.ofEpochMilli(l.acquiredAt()), l.waiting())).toList();
    }

    /**
     * Releases a lock, letting the next queued execution take it.
     *
     * @throws ErrandException {@code forbidden} below operator, {@code invalid_request} for a bad name,
     *     {@code not_found} when nobody holds it
     */
    public void release(Principal caller, String name) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.OPERATOR) {
            audit(caller, "lock.release.denied", name);
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                    + " cannot release locks: operators and admins can");
        }
        String lock = new LockName(name).value();
        if (!db.write(h -> store.release(h, lock))) {
            throw ErrandException.notFound("lock '" + lock + "' is not held");
        }
        audit(caller, "lock.release", lock);
    }

    /** The single place the audit chain hooks in. */
    private static void audit(Principal caller, String action, String name) {
        LOG.info("audit {} lock={} by={} key={}", action, name, caller.email(), caller.keyId());
    }
}
