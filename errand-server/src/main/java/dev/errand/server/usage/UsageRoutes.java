package dev.errand.server.usage;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;

/** The usage route: {@code GET /api/v1/usage?by=user|image&since=7d}. */
public final class UsageRoutes {
    private final UsageService service;

    /** @param service the usage feature */
    public UsageRoutes(UsageService service) {
        this.service = service;
    }

    /** Declares the route. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.USAGE, ctx -> ctx.json(service.report(Requests.principal(ctx), ctx.queryParam("by"),
                ctx.queryParam("since"))), Action.USAGE_READ);
    }
}
