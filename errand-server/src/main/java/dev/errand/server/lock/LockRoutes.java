package dev.errand.server.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.protocol.LockList;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;

/** The locks routes: list, and release by name. */
public final class LockRoutes {
    private final LockService service;

    /**
     * @param service the locks feature
     * @param json the wire mapper (unused: these routes take no body)
     */
    public LockRoutes(LockService service, ObjectMapper json) {
        this.service = service;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.LOCKS, ctx -> ctx.json(new LockList(service.list(Requests.principal(ctx)))), Action.LOCK_LIST);
        r.delete(ApiPaths.LOCK, ctx -> {
            service.release(Requests.principal(ctx), ctx.pathParam("name"));
            ctx.status(204);
        }, Action.LOCK_RELEASE);
    }
}
