package dev.errand.server.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogPage;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.http.Authenticator;
import dev.errand.server.http.Requests;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log routes: a page of stored lines (JSON, or {@code text/plain} with Errand's own notes
 * marked as {@link LogLine#plainText()} does), and the WebSocket stream
 * that follows an execution to its end. Access is checked through {@code visible}, which throws
 * {@code not_found} for executions the caller may not see.
 */
public final class LogRoutes {
    private final LogService logs;
    private final Authenticator auth;
    private final Visibility visibility;
    private final ObjectMapper json;
    private final Map<String, LogFollower> followers = new ConcurrentHashMap<>();

    /** Checks that a caller may read an execution's log and reports its final status. */
    public interface Visibility {
        /**
         * @throws dev.errand.protocol.ErrandException {@code not_found} when the caller may not see it
         * @return true when the execution is terminal
         */
        boolean check(Principal caller, String executionId);

        /** @return the final status, empty while it runs */
        Optional<StreamEvent.Status> terminalStatus(String executionId);
    }

    /**
     * @param logs the log feature
     * @param auth authenticates WebSocket upgrades
     * @param visibility the execution feature's access check
     * @param json the wire mapper
     */
    public LogRoutes(LogService logs, Authenticator auth, Visibility visibility, ObjectMapper json) {
        this.logs = logs;
        this.auth = auth;
        this.visibility = visibility;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.EXECUTION_LOGS, this::page, Action.EXECUTION_READ);
        r.get(ApiPaths.EXECUTION_LOG_STREAM, this::events, Action.EXECUTION_READ);
        r.wsBeforeUpgrade(ApiPaths.EXECUTION_LOG_STREAM, this::authorize);
        r.ws(ApiPaths.EXECUTION_LOG_STREAM, this::stream, Action.EXECUTION_READ);
    }

    private void page(Context ctx) {
        String id = ctx.pathParam("id");
        boolean terminal = visibility.check(Requests.principal(ctx), id);
        long from = Requests.longParam(ctx.queryParam("from_seq"), "from_seq", 1, 1);
        int limit = Requests.intParam(ctx, "limit", 1000, 1, 10_000);
        List<LogLine> lines = logs.page(id, from, limit);
        long next = lines.isEmpty() ? from : lines.getLast().seq() + 1;
        boolean complete = terminal && lines.size() < limit;
        String accept = ctx.header("Accept");
        if (accept != null && accept.startsWith("text/plain")) {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l.plainText()).append('\n'));
            ctx.header("X-Next-Seq", Long.toString(next)).header("X-Complete", Boolean.toString(complete))
                    .contentType("text/plain; charset=utf-8").result(text.toString());
            return;
        }
        ctx.json(new LogPage(lines, next, complete));
    }

    /** The same stream as Server-Sent Events, for clients without WebSocket ({@code curl -N}). */
    private void events(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        visibility.check(Requests.principal(ctx), id);
        long from = Requests.longParam(ctx.queryParam("from_seq"), "from_seq", 1, 1);
        ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        LogFollower.Sender sse = StreamSenders.serverSentEvents(ctx.res().getOutputStream());
        new LogFollower(id, from, logs, () -> visibility.terminalStatus(id), sse, json).run();
    }

    private void authorize(Context ctx) {
        visibility.check(auth.authorize(ctx, Action.EXECUTION_READ), ctx.pathParam("id"));
    }

    private void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofHours(24));
            String id = ctx.pathParam("id");
            long from = Requests.longParam(ctx.queryParam("from_seq"), "from_seq", 1, 1);
            LogFollower f = new LogFollower(id, from, logs, () -> visibility.terminalStatus(id), StreamSenders.webSocket(ctx.session), json);
            followers.put(ctx.sessionId(), f);
            Thread.ofVirtual().name("follow-" + id).start(f);
        });
        ws.onClose(ctx -> stop(ctx.sessionId()));
        ws.onError(ctx -> stop(ctx.sessionId()));
    }

    private void stop(String sessionId) {
        LogFollower f = followers.remove(sessionId);
        if (f != null) {
            f.stop();
        }
    }
}
