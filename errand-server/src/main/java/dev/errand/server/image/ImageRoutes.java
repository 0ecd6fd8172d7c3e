package dev.errand.server.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.protocol.ImageBuildRequest;
import dev.errand.protocol.ImageList;
import dev.errand.protocol.ImageRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The images routes. Handlers parse, call one service method, map the result. */
public final class ImageRoutes {
    private final ImageService service;
    private final ObjectMapper json;

    /**
     * @param service the images feature
     * @param json the wire mapper, used to parse bodies strictly
     */
    public ImageRoutes(ImageService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.IMAGES, ctx -> ctx.json(new ImageList(service.list())), Action.IMAGE_READ);
        r.post(ApiPaths.IMAGES, ctx -> ctx.status(201).json(service.register(Requests.principal(ctx),
                Requests.body(ctx, json, ImageRequest.class))), Action.IMAGE_MANAGE);
        r.get(ApiPaths.IMAGE, ctx -> ctx.json(service.get(ctx.pathParam("name"))), Action.IMAGE_READ);
        r.put(ApiPaths.IMAGE, ctx -> ctx.json(service.update(Requests.principal(ctx), ctx.pathParam("name"),
                Requests.body(ctx, json, ImageRequest.class))), Action.IMAGE_MANAGE);
        r.delete(ApiPaths.IMAGE, ctx -> {
            service.remove(Requests.principal(ctx), ctx.pathParam("name"));
            ctx.status(204);
        }, Action.IMAGE_MANAGE);
        r.post(ApiPaths.IMAGE_DEFAULT, ctx -> ctx.json(service.setDefault(Requests.principal(ctx), ctx.pathParam("name"))), Action.IMAGE_MANAGE);
        r.post(ApiPaths.IMAGE_BUILD, this::build, Action.IMAGE_MANAGE);
    }

    private void build(Context ctx) {
        ImageView v = service.build(Requests.principal(ctx), ctx.pathParam("name"),
                Requests.body(ctx, json, ImageBuildRequest.class));
        ctx.status("building".equals(v.buildState()) ? 202 : 200).json(v);
    }
}
