package dev.errand.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.identity.Action;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Builds the Javalin server: virtual threads, the shared JSON mapper, request ids on every
 * response, oversized bodies refused with 413 from their {@code Content-Length} before anything
 * else, every matched API route admitted by the {@link Authenticator} for the {@link Action} it
 * was declared with (a route without one is refused: fail closed), the audit recorder after
 * every mutating or denied request, the error mapping, and each feature's routes.
 */
public final class HttpApi {

    private HttpApi() {}

    /**
     * Creates and starts the server.
     *
     * @param settings where to listen, body size limit
     * @param json the wire mapper
     * @param auth the authenticator and policy gate
     * @param recorder receives mutating and denied requests (the audit trail)
     * @param features each feature's route declarations; each route names its {@link Action} as its role
     * @return the started server ({@link Javalin#port()} tells the bound port)
     */
    public static Javalin start(HttpSettings settings, ObjectMapper json, Authenticator auth, RequestRecorder recorder,
            List<Consumer<RoutesConfig>> features) {
        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(json, true));
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            RoutesConfig r = cfg.routes;
            r.wsBeforeUpgrade(HttpApi::begin);
            r.wsAfterUpgrade(ctx -> end(ctx, recorder, auth));
            r.before(ctx -> {
                begin(ctx);
                if (ctx.req().getContentLengthLong() > settings.maxBodyBytes()) {
                    throw new ErrandException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is "
                            + ctx.req().getContentLengthLong() + " bytes; the limit is " + settings.maxBodyBytes());
                }
            });
            r.beforeMatched(ctx -> admit(ctx, auth));
            r.after(ctx -> end(ctx, recorder, auth));
            r.exception(ErrandException.class, (e, ctx) -> {
                Errors.errand(e, ctx);
                endRefusedUpgrade(ctx, recorder, auth);
            });
            r.exception(HttpResponseException.class, Errors::javalin);
            r.exception(Exception.class, (e, ctx) -> {
                Errors.unexpected(e, ctx);
                endRefusedUpgrade(ctx, recorder, auth);
            });
            r.error(404, Errors::notFound);
            features.forEach(f -> f.accept(r));
        });
        return app.start();
    }

    // WebSocket upgrades skip the HTTP before/after handlers; they get the same treatment here.
    private static void begin(Context ctx) {
        ctx.attribute(RequestEnd.STARTED, System.nanoTime());
        String id = RequestIds.choose(ctx.header(ApiPaths.REQUEST_ID_HEADER));
        ctx.attribute(Requests.REQUEST_ID, id);
        ctx.header(ApiPaths.REQUEST_ID_HEADER, id);
        MDC.put("request_id", id);
    }

    private static void end(Context ctx, RequestRecorder recorder, Authenticator auth) {
        if (ctx.attribute("errand.ended") != null) {
            return;
        }
        ctx.attribute("errand.ended", Boolean.TRUE);
        try {
            if (ctx.path().startsWith(ApiPaths.BASE + "/")) {
                RequestEnd.finish(ctx, recorder, auth);
            }
        } finally {
            MDC.remove("request_id");
        }
    }

    // A refused upgrade runs no after-upgrade handler, so its end (the audit entry) comes from here.
    private static void endRefusedUpgrade(Context ctx, RequestRecorder recorder, Authenticator auth) {
        if ("websocket".equalsIgnoreCase(ctx.header("Upgrade"))) {
            end(ctx, recorder, auth);
        }
    }

    private static void admit(Context ctx, Authenticator auth) {
        if (!ctx.path().startsWith(ApiPaths.BASE + "/")) {
            return;
        }
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Action action) {
                auth.authorize(ctx, action);
                return;
            }
        }
        throw new ErrandException(ErrorCode.FORBIDDEN, "route " + ctx.method() + " " + ctx.path()
                + " declares no access rule; refusing it");
    }
}
