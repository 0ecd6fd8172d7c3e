package dev.errand.server.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.PlaybookRenderRequest;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The playbooks route: {@code POST /api/v1/playbooks/render} ({@link Action#PLAYBOOK_RENDER}, the
 * roles that may create executions), which reads a playbook sent as text and answers what it would run.
 */
public final class PlaybookRoutes {
    private final PlaybookService service;
    private final ObjectMapper json;

    /**
     * @param service the playbooks feature
     * @param json the wire mapper, used to parse bodies strictly
     */
    public PlaybookRoutes(PlaybookService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Declares the route. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.PLAYBOOK_RENDER, this::render, Action.PLAYBOOK_RENDER);
    }

    private void render(Context ctx) {
        ctx.json(service.render(Requests.body(ctx, json, PlaybookRenderRequest.class)));
    }
}
