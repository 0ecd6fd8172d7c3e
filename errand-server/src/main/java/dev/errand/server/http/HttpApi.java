package dev.errand.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the Javalin server: virtual threads, the shared JSON mapper, request ids on every
 * response, authentication of every {@code /api/v1} route except the public ones, the error
 * mapping, and each feature's routes.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger("errand.http");
    private static final Set<String> PUBLIC = Set.of(ApiPaths.HEALTH);

    private HttpApi() {}

    /**
     * Creates and starts the server.
     *
     * @param settings where to listen
     * @param json the wire mapper
     * @param auth the authenticator
     * @param features each feature's route declarations
     * @return the started server ({@link Javalin#port()} tells the bound port)
     */
    public static Javalin start(HttpSettings settings, ObjectMapper json, Authenticator auth,
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
            r.before(ctx -> {
                String id = RequestIds.choose(ctx.header(ApiPaths.REQUEST_ID_HEADER));
                ctx.attribute(Requests.REQUEST_ID, id);
                ctx.header(ApiPaths.REQUEST_ID_HEADER, id);
                MDC.put("request_id", id);
            });
            r.before(ApiPaths.BASE + "/*", ctx -> {
                if (!PUBLIC.contains(ctx.path()) && !isUpgrade(ctx.header("Upgrade"))) {
                    auth.authenticate(ctx);
                }
            });
            r.after(ctx -> {
                if (!"GET".equals(ctx.method().name()) || ctx.status().getCode() >= 400) {
                    LOG.info("{} {} -> {}", ctx.method(), ctx.path(), ctx.status().getCode());
                }
                MDC.remove("request_id");
            });
            r.exception(ErrandException.class, Errors::errand);
            r.exception(HttpResponseException.class, Errors::javalin);
            r.exception(Exception.class, Errors::unexpected);
            r.error(404, Errors::notFound);
            features.forEach(f -> f.accept(r));
        });
        return app.start();
    }

    private static boolean isUpgrade(String upgrade) {
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
