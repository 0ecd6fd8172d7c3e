package dev.errand.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.AuditEntryView;
import dev.errand.protocol.AuditPage;
import dev.errand.protocol.ErrandException;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The audit routes (admin): list with filters, verify the chain, export as JSON Lines, and trace
 * one request. Handlers parse, call one service method, map the result.
 */
public final class AuditRoutes {
    private static final Set<String> OUTCOMES = Set.of("ok", "denied", "failed");
    private final AuditLog log;
    private final TraceService traces;
    private final ObjectMapper json;

    /**
     * @param log the audit log
     * @param traces request tracing
     * @param json the wire mapper, for export lines
     */
    public AuditRoutes(AuditLog log, TraceService traces, ObjectMapper json) {
        this.log = log;
        this.traces = traces;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.AUDIT, this::list, Action.AUDIT_READ);
        r.get(ApiPaths.AUDIT_VERIFY, ctx -> ctx.json(log.verify()), Action.AUDIT_READ);
        r.get(ApiPaths.AUDIT_EXPORT, this::export, Action.AUDIT_READ);
        r.get(ApiPaths.TRACE, ctx -> ctx.json(traces.trace(Requests.principal(ctx), ctx.pathParam("request_id"))),
                Action.TRACE_READ);
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx, "limit", 50, 1, 1000);
        String cursor = ctx.queryParam("cursor");
        Long before = cursor == null || cursor.isBlank() ? null : Requests.longParam(cursor, "cursor", 0, 1);
        List<AuditEntry> rows = log.newestFirst(query(ctx), before, limit + 1);
        List<AuditEntryView> items = rows.stream().limit(limit).map(AuditViews::of).toList();
        String next = rows.size() > limit ? Long.toString(items.getLast().seq()) : null;
        ctx.json(new AuditPage(items, next));
    }

    private void export(Context ctx) {
        AuditQuery q = query(ctx);
        ctx.contentType("application/x-ndjson; charset=utf-8");
        OutputStream out = ctx.outputStream();
        log.export(q, e -> {
            try {
                out.write(json.writeValueAsBytes(AuditViews.of(e)));
                out.write('\n');
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        });
    }

    private static AuditQuery query(Context ctx) {
        String outcome = blankToNull(ctx.queryParam("outcome"));
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw ErrandException.invalid("unknown outcome '" + outcome + "': use ok, denied or failed");
        }
        return new AuditQuery(blankToNull(ctx.queryParam("user")), blankToNull(ctx.queryParam("action")),
                blankToNull(ctx.queryParam("target")), time(ctx, "since"), time(ctx, "until"), outcome);
    }

    private static Long time(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ErrandException.invalid(name + " must be an RFC 3339 UTC time such as 2026-01-02T03:04:05Z, got '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
