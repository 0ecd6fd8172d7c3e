package dev.errand.server.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecutionPage;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The executions routes: create, list, get and kill. Handlers parse, call one service method, map the result. */
public final class ExecutionRoutes {
    private final ExecutionService service;
    private final ObjectMapper json;

    /**
     * @param service the execution feature
     * @param json the wire mapper, used to parse bodies strictly
     */
    public ExecutionRoutes(ExecutionService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(ApiPaths.EXECUTIONS, this::create, Action.EXECUTION_CREATE);
        r.get(ApiPaths.EXECUTIONS, this::list, Action.EXECUTION_LIST);
        r.get(ApiPaths.EXECUTION, this::get, Action.EXECUTION_READ);
        r.post(ApiPaths.EXECUTION_KILL, this::kill, Action.EXECUTION_KILL);
    }

    private void create(Context ctx) {
        CreateExecutionRequest req = Requests.body(ctx, json, CreateExecutionRequest.class);
        Execution e = service.create(Requests.principal(ctx), req, Requests.requestId(ctx));
        ctx.status(202).header("Location", ApiPaths.execution(e.id()))
                .json(ExecutionViews.of(e, service.queuePosition(e)));
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx, "limit", 20, 1, 1000);
        Set<ExecutionStatus> statuses = statuses(ctx.queryParam("status"));
        List<Execution> rows = service.list(Requests.principal(ctx), statuses, limit + 1, ctx.queryParam("cursor"));
        List<ExecutionView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(ExecutionViews.of(rows.get(i), service.queuePosition(rows.get(i))));
        }
        String next = rows.size() > limit ? items.getLast().id() : null;
        ctx.json(new ExecutionPage(items, next));
    }

    private void get(Context ctx) {
        Execution e = service.get(Requests.principal(ctx), ctx.pathParam("id"));
        ctx.json(ExecutionViews.of(e, service.queuePosition(e)));
    }

    private void kill(Context ctx) {
        String id = ctx.pathParam("id");
        boolean started = service.kill(Requests.principal(ctx), id);
        ctx.status(started ? 202 : 200).json(ExecutionViews.of(service.get(Requests.principal(ctx), id)));
    }

    private static Set<ExecutionStatus> statuses(String param) {
        Set<ExecutionStatus> out = new LinkedHashSet<>();
        if (param == null || param.isBlank()) {
            return out;
        }
        for (String s : param.split(",")) {
            try {
                out.add(ExecutionStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ErrandException.invalid("unknown status '" + s.trim() + "': use QUEUED, STARTING, RUNNING,"
                        + " SUCCEEDED, FAILED, STOPPED, TIMED_OUT or LOST");
            }
        }
        return out;
    }
}
