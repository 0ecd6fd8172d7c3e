package dev.errand.server.web;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.SessionView;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Scope;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions: opened by exchanging an API key, ended by signing out, by
 * {@link #idleTimeout} without a request, or at {@link #lifetime} after sign-in. A session
 * unlocks the API key it was opened with, so every request made with it is authenticated as that
 * key (a revoked or expired key ends its sessions' use at once). Thread-safe.
 */
public final class SessionService {
    /** Default: a session ends after 12 hours without a request. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    /** Default: a session ends 7 days after sign-in, however active. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** How often, at most, a session's last-seen time is written (ms). */
    private static final long TOUCH_INTERVAL_MS = 60_000;
    private final Database db;
    private final SessionStore store;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final AccessPolicy policy;

    /** A session just opened: the cookie token (give it to the browser only) and what the page sees. */
    record Opened(String token, SessionView view) {}

    /** A session found from its cookie token: the API key it unlocks and its CSRF token. */
    record Unlocked(WebSession session, String apiKey, String csrfToken) {}

    /**
     * @param db the store
     * @param store the session SQL
     * @param clock the time source
     * @param idleTimeout how long a session lives without requests
     * @param lifetime how long a session lives at most
     * @param policy tells the page what the role may do
     */
    public SessionService(Database db, SessionStore store, Clock clock, Duration idleTimeout, Duration lifetime,
            AccessPolicy policy) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.policy = policy;
    }

    /**
     * Opens a session for a caller authenticated by {@code apiKey}, and deletes ended sessions.
     *
     * @param caller who presented the key
     * @param apiKey the plaintext key, sealed into the session
     * @return the new session
     */
    Opened open(Principal caller, String apiKey) {
        String token = SessionTokens.newToken();
        String id = SessionTokens.id(token);
        long now = clock.millis();
        WebSession s = new WebSession(id, caller.userId(), caller.keyId(), SessionTokens.seal(token, id, apiKey),
                now, now, now + lifetime.toMillis());
        db.write(h -> {
            store.deleteEnded(h, now - idleTimeout.toMillis(), now);
            store.insert(h, s);
            return null;
        });
        return new Opened(token, view(caller, s, SessionTokens.csrf(token)));
    }

    /**
     * Finds the session of a cookie token and unlocks its key.
     *
     * @throws ErrandException {@code unauthenticated} saying why when the session is unknown,
     *     signed out, idle too long or past its lifetime
     */
    Unlocked unlock(String token) {
        String id = SessionTokens.wellFormed(token) ? SessionTokens.id(token) : null;
        Optional<WebSession> found = id == null ? Optional.empty() : db.read(h -> store.find(h, id));
        WebSession s = found.orElseThrow(() -> ended("you are signed out (the session ended or was signed out)"));
        long now = clock.millis();
        if (now - s.lastSeenAt() > idleTimeout.toMillis()) {
            delete(id);
            throw ended("your session expired after " + idleTimeout.toHours() + " hours without use");
        }
        if (now >= s.expiresAt()) {
            delete(id);
            throw ended("your session reached its limit of " + lifetime.toDays() + " days");
        }
        String key = SessionTokens.unseal(token, id, s.sealedKey())
                .orElseThrow(() -> ended("you are signed out (the session cannot be opened)"));
        if (now - s.lastSeenAt() >= TOUCH_INTERVAL_MS) {
            db.write(h -> {
                store.touch(h, id, now);
                return null;
            });
        }
        return new Unlocked(s, key, SessionTokens.csrf(token));
    }

    /** Ends the session of a cookie token; nothing happens when there is none. */
    void close(String token) {
        if (SessionTokens.wellFormed(token)) {
            delete(SessionTokens.id(token));
        }
    }

    /** @return what the page sees of a session */
    SessionView view(Principal caller, WebSession s, String csrfToken) {
        Map<String, String> access = new LinkedHashMap<>();
        for (Action a : Action.values()) {
            Scope scope = policy.scope(caller.role(), a);
            if (scope != Scope.NONE) {
                access.put(a.wireName(), scope.name().toLowerCase(Locale.ROOT));
            }
        }
        return new SessionView(caller.email(), s.keyId(), caller.role().wireName(), csrfToken, idleTimeout.toSeconds(),
                Instant.ofEpochMilli(s.expiresAt()), access);
    }

    private void delete(String id) {
        db.write(h -> {
            store.delete(h, id);
            return null;
        });
    }

    private static ErrandException ended(String why) {
        return new ErrandException(ErrorCode.UNAUTHENTICATED, why + "; sign in again with an API key");
    }
}
