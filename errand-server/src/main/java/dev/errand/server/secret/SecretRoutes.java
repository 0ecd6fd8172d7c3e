package dev.errand.server.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.protocol.SecretList;
import dev.errand.protocol.SecretRequest;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The secrets routes. Handlers parse, call one service method, map the result. */
public final class SecretRoutes {
    private final SecretService service;
    private final ObjectMapper json;

    /**
     * @param service the secrets feature
     * @param json the wire mapper, used to parse bodies strictly
     */
    public SecretRoutes(SecretService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.SECRETS, this::create, Action.SECRET_CREATE);
        r.get(ApiPaths.SECRETS, ctx -> ctx.json(new SecretList(service.list(Requests.principal(ctx)))), Action.SECRET_LIST);
        r.get(ApiPaths.SECRET, ctx -> get(ctx, false), Action.SECRET_READ);
        r.get(ApiPaths.SECRET_VALUE, ctx -> get(ctx, true), Action.SECRET_REVEAL);
        r.put(ApiPaths.SECRET, this::update, Action.SECRET_UPDATE);
        r.delete(ApiPaths.SECRET, this::delete, Action.SECRET_DELETE);
    }

    private void create(Context ctx) {
        SecretRequest req = Requests.body(ctx, json, SecretRequest.class);
        ctx.status(201).json(service.create(Requests.principal(ctx), req));
    }

    private void get(Context ctx, boolean reveal) {
        ctx.header("Cache-Control", "no-store").json(service.get(Requests.principal(ctx), ctx.pathParam("name"), reveal));
    }

    private void update(Context ctx) {
        SecretRequest req = Requests.body(ctx, json, SecretRequest.class);
        ctx.json(service.update(Requests.principal(ctx), ctx.pathParam("name"), req));
    }

    private void delete(Context ctx) {
        service.delete(Requests.principal(ctx), ctx.pathParam("name"));
        ctx.status(204);
    }
}
