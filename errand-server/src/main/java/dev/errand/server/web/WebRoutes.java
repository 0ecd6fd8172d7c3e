package dev.errand.server.web;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Serves the web app: {@code /assets/...} from {@link WebAssets}, and {@code index.html} for each
 * of the app's pages so that a link such as {@code /executions/ex_...} (printed by {@code errand
 * run}) opens the page directly. Everything else stays with the API and its JSON 404.
 *
 * <p>Every file goes out with a strict Content-Security-Policy (scripts, styles, images and
 * connections only from this server; inline {@code style} attributes, which the ANSI renderer
 * writes for 24-bit colours, are the one allowance), {@code nosniff}, no referrer, no framing,
 * and {@code Cache-Control: no-cache} with an ETag, so an upgraded server is picked up at once.
 */
public final class WebRoutes {
    /** The app's pages; the script in index.html renders the one in the address bar. */
    static final List<String> PAGES = List.of("/", "/sign-in", "/claim", "/executions", "/executions/{id}", "/run",
            "/images", "/secrets", "/users", "/keys", "/locks", "/audit");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self';"
            + " manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final WebAssets assets;

    /** @param assets where the files come from */
    public WebRoutes(WebAssets assets) {
        this.assets = assets;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        PAGES.forEach(page -> r.get(page, this::page));
        r.get("/assets/<path>", this::asset);
    }

    private void page(Context ctx) {
        WebAssets.Asset index = assets.find("index.html").orElseThrow(() -> new ErrandException(ErrorCode.UNAVAILABLE,
                "this build of the server has no web app (index.html is missing from the jar)"));
        send(ctx, index);
    }

    private void asset(Context ctx) {
        WebAssets.Asset asset = assets.find("assets/" + ctx.pathParam("path"))
                .orElseThrow(() -> new ErrandException(ErrorCode.NOT_FOUND, "no web asset " + ctx.path()));
        send(ctx, asset);
    }

    private static void send(Context ctx, WebAssets.Asset asset) {
        ctx.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-cache")
                .header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }
}
