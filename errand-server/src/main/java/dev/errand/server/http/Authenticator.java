package dev.errand.server.http;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.Principal;
import io.javalin.http.Context;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} or {@code X-API-Key} and turns it
 * into a {@link Principal}, stored on the context. Thread-safe.
 */
public final class Authenticator {
    private final IdentityService identity;

    /** @param identity the key checker */
    public Authenticator(IdentityService identity) {
        this.identity = identity;
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

    static String presentedKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return ctx.header(ApiPaths.API_KEY_HEADER);
    }
}
