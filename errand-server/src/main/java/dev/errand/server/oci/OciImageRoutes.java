package dev.errand.server.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.protocol.ImagePruneView;
import dev.errand.protocol.ImportedImageView;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import dev.errand.server.image.ImageService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The OCI image routes: import (a thin alias of registering an image with driver {@code oci} and
 * an OCI source, re-importing when the name is an OCI image already) and prune. Handlers parse,
 * call one service method, map the result.
 */
public final class OciImageRoutes {
    private final ImageService images;
    private final OciImageService service;
    private final ObjectMapper json;

    /**
     * @param images the images registry, which owns names and permissions
     * @param service the OCI image store's service
     * @param json the wire mapper, used to parse bodies strictly
     */
    public OciImageRoutes(ImageService images, OciImageService service, ObjectMapper json) {
        this.images = images;
        this.service = service;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.IMAGES_IMPORT, this::importImage, Action.IMAGE_MANAGE);
        r.post(ApiPaths.IMAGES_PRUNE, this::prune, Action.IMAGE_MANAGE);
    }

    private void importImage(Context ctx) {
        ImageImportRequest req = Requests.body(ctx, json, ImageImportRequest.class);
        images.importOci(Requests.principal(ctx), req);
        ctx.status(201).json(view(service.find(req.name()).orElseThrow()));
    }

    private void prune(Context ctx) {
        OciImageStore.Pruned p = service.prune(Requests.principal(ctx));
        ctx.json(new ImagePruneView(p.digests(), p.bytes()));
    }

    static ImportedImageView view(OciImage i) {
        return new ImportedImageView(i.name(), OciImageService.DRIVER, i.source(), i.digest(), i.config().entrypoint(),
                i.config().cmd(), i.config().envMap(), i.workMount(), i.config().user(), i.network(),
                i.limits().memoryBytes(), i.limits().maxProcesses(), i.importedAt());
    }
}
