package dev.errand.server.http;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.Principal;
import io.javalin.http.Context;

/**
 * The gate every API request passes before its handler: reads the API key from
 * {@code Authorization: Bearer <key>} or {@code X-API-Key}, refuses addresses with too many
 * failed authentications, authenticates, applies the key's rate limit, and asks the
 * {@link AccessPolicy} whether the role may attempt the route's {@link Action}. The caller and
 * the action are stored on the context for handlers and the audit trail. Thread-safe.
 */
public final class Authenticator {
    private final IdentityService identity;
    private final AccessPolicy policy;
    private final Throttles throttles;

    /**
     * @param identity the key checker
     * @param policy who may do what
     * @param limits the per-key and per-address limits
     */
    public Authenticator(IdentityService identity, AccessPolicy policy, RateLimits limits) {
        this.identity = identity;
        this.policy = policy;
        this.throttles = new Throttles(limits);
    }

    /**
     * Admits a request for an action, without HTTP (benchmarks and tests call this directly).
     *
     * @param presentedKey the plaintext key, or null
     * @param address the client's address
     * @param action what the request attempts; must not be public
     * @return the caller
     * @throws ErrandException a 401 code for a missing or bad key, {@code rate_limited} (as
     *     {@link RateLimitedException}) or {@code forbidden}
     */
    public Principal admit(String presentedKey, String address, Action action) {
        return admit(presentedKey, address, action, null);
    }

    private Principal admit(String presentedKey, String address, Action action, Context ctx) {
        throttles.checkAddress(address);
        Principal p;
        try {
            p = identity.authenticate(presentedKey);
        } catch (ErrandException e) {
            if (e.code() != ErrorCode.UNAUTHENTICATED) {
                throttles.failed(address);
            }
            throw e;
        }
        if (ctx != null) {
            ctx.attribute(Requests.PRINCIPAL, p);
        }
        throttles.request(p.keyId());
        policy.permit(p, action);
        return p;
    }

    /**
     * Admits the request for {@code action} and stores the caller and action on the context.
     * Public actions need no key; the public ones that change state (claim) are refused while the
     * address is over its failed-authentication limit.
     *
     * @return the caller, or null for a public action
     */
    public Principal authorize(Context ctx, Action action) {
        ctx.attribute(Requests.ACTION, action);
        if (action.isPublic()) {
            if (action.mutating()) {
                throttles.checkAddress(Requests.source(ctx));
            }
            return null;
        }
        return admit(presentedKey(ctx), Requests.source(ctx), action, ctx);
    }

    /** Counts a failed authentication-like attempt (a bad claim token) against an address. */
    public void failed(String address) {
        throttles.failed(address);
    }

    static String presentedKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return ctx.header(ApiPaths.API_KEY_HEADER);
    }
}
