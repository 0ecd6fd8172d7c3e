package dev.errand.server.web;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.protocol.ErrandException;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/v1/session}: a browser signs in by sending its API key once, in
 * {@code Authorization: Bearer}, and gets the session cookie (201); {@code GET} tells a page who is
 * signed in and the CSRF token; {@code DELETE} signs out (204). Both need the cookie.
 */
public final class SessionRoutes {
    private final SessionService sessions;

    /** @param sessions the session feature */
    public SessionRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.SESSION, this::signIn, Action.SESSION_CREATE);
        r.get(ApiPaths.SESSION, this::show, Action.SESSION_READ);
        r.delete(ApiPaths.SESSION, this::signOut, Action.SESSION_DELETE);
    }

    private void signIn(Context ctx) {
        String auth = ctx.header("Authorization");
        if (SessionCookies.of(ctx) != null || auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ErrandException.invalid("sign in with the API key in an 'Authorization: Bearer erk_...' header");
        }
        String oldToken = ctx.cookie(SessionCookies.COOKIE);
        if (oldToken != null) {
            sessions.close(oldToken);
        }
        Principal caller = Requests.principal(ctx);
        SessionService.Opened opened = sessions.open(caller, auth.substring(7).trim());
        Requests.auditTarget(ctx, "key", caller.keyId());
        SessionCookies.set(ctx, opened.token());
        ctx.header("Cache-Control", "no-store").status(201).json(opened.view());
    }

    private void show(Context ctx) {
        SessionService.Unlocked s = cookieSession(ctx);
        Principal caller = Requests.principal(ctx);
        ctx.header("Cache-Control", "no-store").json(sessions.view(caller, s.session(), s.csrfToken()));
    }

    private void signOut(Context ctx) {
        Requests.auditTarget(ctx, "key", cookieSession(ctx).session().keyId());
        sessions.close(ctx.cookie(SessionCookies.COOKIE));
        SessionCookies.clear(ctx);
        ctx.status(204);
    }

    private static SessionService.Unlocked cookieSession(Context ctx) {
        SessionService.Unlocked s = SessionCookies.of(ctx);
        if (s == null) {
            throw ErrandException.invalid("this route is for a browser session: it reads the "
                    + SessionCookies.COOKIE + " cookie, not an API key");
        }
        return s;
    }
}
