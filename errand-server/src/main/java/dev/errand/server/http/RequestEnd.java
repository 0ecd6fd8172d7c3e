package dev.errand.server.http;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an API request is done, before its response leaves: failed claims count
 * against the client's address, the audit recorder gets every mutating or denied request, and
 * the server log gets one line for every non-GET or failed request.
 */
final class RequestEnd {
    private static final Logger LOG = LoggerFactory.getLogger("errand.http");
    /** Context attribute holding {@link System#nanoTime()} at the start. */
    static final String STARTED = "errand.started";

    private RequestEnd() {}

    static void finish(Context ctx, RequestRecorder recorder, Authenticator auth) {
        Action action = ctx.attribute(Requests.ACTION);
        int status = ctx.status().getCode();
        String source = Requests.source(ctx);
        boolean denied = ctx.attribute(Requests.DENIED) != null;
        if (action == Action.CLAIM && (status == 404 || status == 409 || status == 410)) {
            auth.failed(source);
            denied = true;
        }
        Principal caller = ctx.attribute(Requests.PRINCIPAL);
        if (caller == null) {
            caller = ctx.attribute(Requests.ACTOR);
        }
        if (!"GET".equals(ctx.method().name()) || status >= 400) {
            Long started = ctx.attribute(STARTED);
            double ms = started == null ? 0 : (System.nanoTime() - started) / 1e6;
            LOG.info("{} {} -> {} ({}, {} ms)", ctx.method(), ctx.path(), status,
                    caller == null ? "anonymous" : caller.email(), String.format(Locale.ROOT, "%.1f", ms));
        }
        if (!denied && (action == null || !action.mutating())) {
            return;
        }
        String[] target = target(ctx);
        String detail = ctx.attribute(Requests.DETAIL);
        if (detail == null) {
            detail = ctx.attribute(Errors.ERROR_CODE);
        }
        String actionName = action != null ? action.wireName() : ctx.method() + " " + ctx.path();
        RequestOutcome outcome = new RequestOutcome(System.currentTimeMillis(), Requests.requestId(ctx), caller,
                actionName, target == null ? null : target[0], target == null ? null : target[1], status, denied,
                detail, source);
        try {
            recorder.record(outcome);
        } catch (RuntimeException e) {
            LOG.error("could not record {} {} in the audit trail", ctx.method(), ctx.path(), e);
        }
    }

    private static String[] target(Context ctx) {
        String[] explicit = ctx.attribute(Requests.TARGET);
        if (explicit != null) {
            return explicit;
        }
        String location = ctx.res().getHeader("Location");
        return target(location != null ? location : ctx.path());
    }

    /**
     * @param path such as {@code /api/v1/executions/ex_1/kill}
     * @return {@code {type, id}} such as {@code {"execution", "ex_1"}}, or null when the path names no resource
     */
    static String[] target(String path) {
        if (!path.startsWith(ApiPaths.BASE + "/")) {
            return null;
        }
        String[] parts = path.substring(ApiPaths.BASE.length() + 1).split("/");
        if (parts.length < 2 || parts[1].isEmpty() || parts[0].equals("audit")) {
            return null;
        }
        String type = parts[0].equals("trace") ? "request"
                : parts[0].endsWith("s") ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
        return new String[] {type, parts[1]};
    }
}
