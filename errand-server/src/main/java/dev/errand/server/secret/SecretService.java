package dev.errand.server.secret;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.SecretRequest;
import dev.errand.protocol.SecretView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads, changes and deletes secrets, decides who may use one, and decrypts them for
 * executions. Operators and admins manage secrets; every role may list their metadata; only
 * admins may reveal a value. Values never reach a log line or an exception message. Thread-safe.
 */
public final class SecretService {
    private static final Logger LOG = LoggerFactory.getLogger(SecretService.class);
    private final Database db;
    private final SecretStore store;
    private final MasterKey key;
    private final Clock clock;

    /**
     * @param db the store
     * @param store the secrets SQL
     * @param key the master key
     * @param clock the time source
     */
    public SecretService(Database db, SecretStore store, MasterKey key, Clock clock) {
        this.db = db;
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    /**
     * @return the new secret's view (no value)
     * @throws ErrandException {@code forbidden} below operator, {@code invalid_request} for a bad field,
     *     {@code conflict} when the name is taken
     */
    public SecretView create(Principal caller, SecretRequest r) {
        requireManager(caller);
        String name = SecretRules.name(r.name());
        Instant now = Instant.ofEpochMilli(clock.millis());
        Secret s = new Secret(name, SecretRules.envName(r.envName()), SecretRules.description(r.description()),
                SecretRules.roles(r.roles()), key.encrypt(name, SecretRules.value(r.value())), caller.email(), now,
                caller.email(), now);
        if (!db.write(h -> store.insert(h, s))) {
            throw ErrandException.conflict("a secret named '" + name + "' exists already: use update to change it");
        }
        audit(caller, "secret.create", name);
        return view(s, null);
    }

    /** @return every secret's metadata, by name */
    public List<SecretView> list(Principal caller) {
        return db.read(h -> store.list(h)).stream().map(s -> view(s, null)).toList();
    }

    /**
     * @param reveal true to include the value (admins only)
     * @throws ErrandException {@code not_found}, or {@code forbidden} for a reveal by a non-admin
     */
    public SecretView get(Principal caller, String name, boolean reveal) {
        if (reveal && caller.role() != Role.ADMIN) {
            audit(caller, "secret.reveal.denied", name);
            throw new ErrandException(ErrorCode.FORBIDDEN, "only admins may reveal a secret's value");
        }
        Secret s = find(name);
        if (reveal) {
            audit(caller, "secret.reveal", name);
        }
        return view(s, reveal ? key.decrypt(s.name(), s.ciphertext()) : null);
    }

    /**
     * Changes the fields given (non-null) of an existing secret.
     *
     * @throws ErrandException {@code forbidden}, {@code not_found}, {@code invalid_request}
     */
    public SecretView update(Principal caller, String name, SecretRequest r) {
        requireManager(caller);
        if (r.name() != null && !r.name().equals(name)) {
            throw ErrandException.invalid("a secret cannot be renamed: create a new one and delete this one");
        }
        Secret old = find(name);
        Secret s = new Secret(old.name(), r.envName() == null ? old.envName() : SecretRules.envName(r.envName()),
                r.description() == null ? old.description() : SecretRules.description(r.description()),
                r.roles() == null ? old.roles() : SecretRules.roles(r.roles()),
                r.value() == null ? old.ciphertext() : key.encrypt(old.name(), SecretRules.value(r.value())),
                old.createdBy(), old.createdAt(), caller.email(), Instant.ofEpochMilli(clock.millis()));
        if (!db.write(h -> store.update(h, s))) {
            throw ErrandException.notFound("no secret '" + name + "'");
        }
        audit(caller, "secret.update", name);
        return view(s, null);
    }

    /** @throws ErrandException {@code forbidden} or {@code not_found} */
    public void delete(Principal caller, String name) {
        requireManager(caller);
        if (!db.write(h -> store.delete(h, SecretRules.name(name)))) {
            throw ErrandException.notFound("no secret '" + name + "'");
        }
        audit(caller, "secret.delete", name);
    }

    /**
     * Checks that every named secret exists and that the caller may use it.
     *
     * @return the names, de-duplicated, in order
     * @throws ErrandException {@code invalid_request} naming an unknown secret, {@code forbidden} naming one
     *     the caller's role may not use
     */
    public List<String> checkUse(Principal caller, List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        List<String> unique = names.stream().distinct().toList();
        Map<String, Secret> found = load(unique);
        for (String name : unique) {
            Secret s = found.get(name);
            if (s == null) {
                throw ErrandException.invalid("unknown secret '" + name + "'");
            }
            boolean privileged = caller.role() == Role.ADMIN || caller.role() == Role.OPERATOR;
            if (!privileged && !s.roles().isEmpty() && !s.roles().contains(caller.role().wireName())) {
                audit(caller, "secret.use.denied", name);
                throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                        + " may not use secret '" + name + "'");
            }
        }
        return unique;
    }

    /** @return the env name each secret is injected as, by secret name, for the names that exist */
    public Map<String, String> envNames(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        load(names).forEach((name, s) -> out.put(name, s.envName()));
        return out;
    }

    /**
     * Decrypts secrets for an execution that is starting.
     *
     * @return env name → value, in the order given
     * @throws ErrandException {@code invalid_request} naming a secret deleted since the execution was queued
     */
    public Map<String, String> resolve(List<String> names) {
        Map<String, Secret> found = load(names);
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : names) {
            Secret s = found.get(name);
            if (s == null) {
                throw ErrandException.invalid("secret '" + name + "' was deleted after the execution was queued");
            }
            env.put(s.envName(), key.decrypt(s.name(), s.ciphertext()));
        }
        return env;
    }

    private Map<String, Secret> load(List<String> names) {
        return db.read(h -> {
            Map<String, Secret> out = new LinkedHashMap<>();
            for (String name : names) {
                store.find(h, name).ifPresent(s -> out.put(name, s));
            }
            return out;
        });
    }

    private Secret find(String name) {
        return db.read(h -> store.find(h, SecretRules.name(name)))
                .orElseThrow(() -> ErrandException.notFound("no secret '" + name + "'"));
    }

    private static void requireManager(Principal caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.OPERATOR) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                    + " cannot manage secrets: operators and admins can");
        }
    }

    private static SecretView view(Secret s, String value) {
        return new SecretView(s.name(), s.envName(), s.description(), s.roles(), s.createdBy(), s.createdAt(),
                s.updatedBy(), s.updatedAt(), value);
    }

    /** The single place the audit chain hooks in: names and outcomes only, never a value. */
    private static void audit(Principal caller, String action, String name) {
        LOG.info("audit {} secret={} by={} key={}", action, name, caller.email(), caller.keyId());
    }
}
