package dev.errand.server.http;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.Principal;
import io.javalin.http.Context;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} or {@code X-API-Key} (or, for a
 * signed-in browser, from its session cookie through {@link SessionKeys}) and turns it into a
 * {@link Principal}, stored on the context. Thread-safe.
 */
public final class Authenticator {
    private final IdentityService identity;
    private final SessionKeys sessionKeys;

    /**
     * The web app's hook (package {@code dev.errand.server.web}): the API key that a browser's
     * session cookie unlocks. It also refuses cross-origin use of the cookie and state-changing
     * requests without the session's CSRF token.
     */
    @FunctionalInterface
    public interface SessionKeys {
        /**
         * @return the key the request's session cookie unlocks, or null when it carries no cookie
         * @throws dev.errand.protocol.ErrandException when the session has ended or the request may not use it
         */
        String keyFor(Context ctx);
    }

    /** @param identity the key checker */
    public Authenticator(IdentityService identity) {
        this(identity, ctx -> null);
    }

    /**
     * @param identity the key checker
     * @param sessionKeys the web app's session cookie hook, consulted when no key header is sent
     */
    public Authenticator(IdentityService identity, SessionKeys sessionKeys) {
        this.identity = identity;
        this.sessionKeys = sessionKeys;
    }

    /**
     * Authenticates the request and stores the caller on it.
     *
     * @return the caller
     * @throws dev.errand.protocol.ErrandException a 401 code when the key is missing or bad
     */
    public Principal authenticate(Context ctx) {
        Principal p = identity.authenticate(presentedKey(ctx));
        ctx.attribute(Requests.PRINCIPAL, p);
        return p;
    }

    String presentedKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        String header = ctx.header(ApiPaths.API_KEY_HEADER);
        // --- web session hook (issue 6): with no key header, a signed-in browser's cookie supplies the key ---
        return header != null ? header : sessionKeys.keyFor(ctx);
    }
}
