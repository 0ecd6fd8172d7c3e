package dev.errand.server.secret;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Secrets in the store. Methods take the caller's {@link Handle}; the service owns transactions. */
public interface SecretStore {
    /** @return false when a secret with this name exists already */
    boolean insert(Handle h, Secret s);

    /** @return the secret with this name */
    Optional<Secret> find(Handle h, String name);

    /** @return every secret, by name */
    List<Secret> list(Handle h);

    /** Replaces the row of {@code s.name()}; @return false when it does not exist */
    boolean update(Handle h, Secret s);

    /** @return false when it did not exist */
    boolean delete(Handle h, String name);
}
