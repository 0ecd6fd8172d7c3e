package dev.errand.server.web;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The browser side of sessions: reads the session cookie of a request, refuses requests from
 * other origins and state-changing requests without the session's CSRF token, and sets and clears
 * the cookie. {@link #keyFor} is the hook through which {@code http.Authenticator} accepts a
 * signed-in browser. Thread-safe.
 *
 * <p>The cookie is {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict} (other sites
 * cannot make the browser send it), {@code Path=/}, {@code Secure} when the request came over
 * https, and without {@code Max-Age} (it ends with the browser; the server ends it sooner).
 */
public final class SessionCookies {
    /** The cookie's name. */
    public static final String COOKIE = "errand_session";
    /** The header carrying the CSRF token on state-changing requests made with the cookie. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Context attribute holding the {@link SessionService.Unlocked} session of a cookie request. */
    static final String ATTRIBUTE = "errand.webSession";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final SessionService sessions;

    /** @param sessions the session feature */
    public SessionCookies(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * The API key a signed-in browser presents: the one its session cookie unlocks.
     *
     * @return the key, or null when the request carries no session cookie
     * @throws ErrandException {@code unauthenticated} (and the cookie is cleared) when the session
     *     has ended; {@code forbidden} for a request from another origin, or a state-changing
     *     request without the right {@code X-CSRF-Token}
     */
    public String keyFor(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isEmpty()) {
            return null;
        }
        checkOrigin(ctx);
        SessionService.Unlocked session;
        try {
            session = sessions.unlock(token);
        } catch (ErrandException e) {
            clear(ctx);
            throw e;
        }
        if (!SAFE_METHODS.contains(ctx.method().name()) && !same(ctx.header(CSRF_HEADER), session.csrfToken())) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "this request needs the session's " + CSRF_HEADER
                    + " header; reload the page");
        }
        ctx.attribute(ATTRIBUTE, session);
        return session.apiKey();
    }

    /** @return the session a cookie request was authenticated with, or null for a key request */
    static SessionService.Unlocked of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    static void set(Context ctx, String token) {
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    static void clear(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    private static boolean secure(Context ctx) {
        return "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    // SameSite=Strict already keeps the cookie off cross-site requests; the Origin check also
    // covers same-site but cross-origin pages (another port or subdomain) and WebSocket upgrades,
    // which CORS does not protect.
    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String originHost;
        try {
            originHost = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || !host.equalsIgnoreCase(originHost)) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "a request from origin " + origin
                    + " cannot use this server's session cookie");
        }
    }

    private static boolean same(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }
}
