package dev.errand.server.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateKeyRequest;
import dev.errand.protocol.KeyPage;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The API key routes: create one for the caller, list, revoke. Handlers parse, call one service
 * method, map the result, and name the key acted on for the audit trail.
 */
public final class KeyRoutes {
    private final KeyService keys;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param keys the key feature
     * @param json the wire mapper, used to parse bodies strictly
     * @param clock the time source (key status)
     */
    public KeyRoutes(KeyService keys, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.KEYS, this::create, Action.KEY_CREATE);
        r.get(ApiPaths.KEYS, this::list, Action.KEY_LIST);
        r.post(ApiPaths.KEY_REVOKE, this::revoke, Action.KEY_REVOKE);
    }

    private void create(Context ctx) {
        CreateKeyRequest req = Requests.body(ctx, json, CreateKeyRequest.class);
        KeyService.NewKey made = keys.create(Requests.principal(ctx), req.name(), req.expiresInSeconds());
        Requests.auditTarget(ctx, "key", made.key().id());
        Requests.auditDetail(ctx, made.key().name());
        ctx.status(201).json(IdentityViews.newKey(null, made.key(), made.apiKey(), clock.millis()));
    }

    private void list(Context ctx) {
        long now = clock.millis();
        ctx.json(new KeyPage(keys.list(Requests.principal(ctx), ctx.queryParam("user"), "true".equals(ctx.queryParam("all")),
                "true".equals(ctx.queryParam("include_revoked"))).stream().map(k -> IdentityViews.key(k, now)).toList()));
    }

    private void revoke(Context ctx) {
        ApiKey k = keys.revoke(Requests.principal(ctx), ctx.pathParam("id"));
        Requests.auditTarget(ctx, "key", k.id());
        ctx.json(IdentityViews.key(k, clock.millis()));
    }
}
