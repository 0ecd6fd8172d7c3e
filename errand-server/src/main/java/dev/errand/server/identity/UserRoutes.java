package dev.errand.server.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ClaimRequest;
import dev.errand.protocol.CreateUserRequest;
import dev.errand.protocol.SetRoleRequest;
import dev.errand.protocol.UserPage;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The user routes: create, list, read, revoke, set role, reissue a claim token (admin; list and
 * read also operator), and the public claim route. Handlers parse, call one service method, map
 * the result, and name the user acted on for the audit trail.
 */
public final class UserRoutes {
    private final UserService users;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param users the user feature
     * @param json the wire mapper, used to parse bodies strictly
     * @param clock the time source (key status in claim answers)
     */
    public UserRoutes(UserService users, ObjectMapper json, Clock clock) {
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.USERS, this::create, Action.USER_CREATE);
        r.get(ApiPaths.USERS, ctx -> ctx.json(new UserPage(users.list(Requests.principal(ctx),
                "true".equals(ctx.queryParam("all"))).stream().map(IdentityViews::user).toList())), Action.USER_LIST);
        r.get(ApiPaths.USER, ctx -> ctx.json(IdentityViews.user(users.get(Requests.principal(ctx), ctx.pathParam("user")))),
                Action.USER_READ);
        r.post(ApiPaths.USER_REVOKE, this::revoke, Action.USER_REVOKE);
        r.put(ApiPaths.USER_ROLE, this::setRole, Action.USER_SET_ROLE);
        r.post(ApiPaths.USER_CLAIM_TOKENS, this::reissue, Action.USER_REISSUE);
        r.post(ApiPaths.CLAIM, this::claim, Action.CLAIM);
    }

    private void create(Context ctx) {
        CreateUserRequest req = Requests.body(ctx, json, CreateUserRequest.class);
        UserService.Invitation made = users.create(Requests.principal(ctx), req.email(), req.role());
        Requests.auditTarget(ctx, "user", made.user().id());
        Requests.auditDetail(ctx, made.user().email() + " as " + made.user().role().wireName());
        ctx.status(201).header("Location", ApiPaths.user(made.user().id())).json(IdentityViews.invitation(made));
    }

    private void revoke(Context ctx) {
        User u = users.revoke(Requests.principal(ctx), ctx.pathParam("user"));
        Requests.auditTarget(ctx, "user", u.id());
        ctx.json(IdentityViews.user(u));
    }

    private void setRole(Context ctx) {
        SetRoleRequest req = Requests.body(ctx, json, SetRoleRequest.class);
        User u = users.setRole(Requests.principal(ctx), ctx.pathParam("user"), req.role());
        Requests.auditTarget(ctx, "user", u.id());
        Requests.auditDetail(ctx, "role " + u.role().wireName());
        ctx.json(IdentityViews.user(u));
    }

    private void reissue(Context ctx) {
        UserService.Invitation made = users.reissue(Requests.principal(ctx), ctx.pathParam("user"));
        Requests.auditTarget(ctx, "user", made.user().id());
        ctx.status(201).json(IdentityViews.invitation(made));
    }

    private void claim(Context ctx) {
        ClaimRequest req = Requests.body(ctx, json, ClaimRequest.class);
        UserService.Claimed c = users.claim(req.token(), req.keyName(), Requests.source(ctx));
        Requests.auditActor(ctx, new Principal(c.user().id(), c.user().email(), c.user().role(), c.key().id()));
        Requests.auditTarget(ctx, "key", c.key().id());
        ctx.status(201).json(IdentityViews.newKey(IdentityViews.user(c.user()), c.key(), c.apiKey(), clock.millis()));
    }
}
