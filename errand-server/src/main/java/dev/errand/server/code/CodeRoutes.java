package dev.errand.server.code;

import dev.errand.server.identity.Action;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.BatchExecuteRequest;
import dev.errand.protocol.BatchExecuteResult;
import dev.errand.protocol.CodePaths;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.protocol.LanguageInstallRequest;
import dev.errand.protocol.LanguageList;
import dev.errand.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The code execution routes: execute (sync, or 202 with {@code ?wait=false}), batch, poll, the
 * language list and image builds. Handlers parse, call one service method, map the result.
 */
public final class CodeRoutes {
    private final CodeService service;
    private final Languages languages;
    private final ObjectMapper json;

    /**
     * @param service runs code
     * @param languages the catalogue as the API shows it
     * @param json the wire mapper
     */
    public CodeRoutes(CodeService service, Languages languages, ObjectMapper json) {
        this.service = service;
        this.languages = languages;
        this.json = json;
    }

    /** Declares the routes. */
    public void register(RoutesConfig r) {
        r.post(CodePaths.EXECUTE, this::execute, Action.CODE_EXECUTE);
        r.post(CodePaths.EXECUTE_BATCH, this::batch, Action.CODE_EXECUTE);
        r.get(CodePaths.EXECUTE_RESULT, this::result, Action.CODE_READ);
        r.get(CodePaths.LANGUAGES, ctx -> ctx.json(new LanguageList(languages.list())), Action.LANGUAGE_LIST);
        r.post(CodePaths.LANGUAGES_INSTALL, this::install, Action.LANGUAGE_INSTALL);
    }

    private void execute(Context ctx) {
        ExecuteRequest req = CodeBodies.read(ctx, json, ExecuteRequest.class, CodeBodies.SINGLE_LIMIT);
        if (waits(ctx)) {
            ctx.json(service.execute(Requests.principal(ctx), req, Requests.requestId(ctx)));
        } else {
            ExecuteResult queued = service.submit(Requests.principal(ctx), req, Requests.requestId(ctx));
            ctx.status(202).header("Location", CodePaths.result(queued.id())).json(queued);
        }
    }

    private void batch(Context ctx) {
        BatchExecuteRequest req = CodeBodies.read(ctx, json, BatchExecuteRequest.class, CodeBodies.BATCH_LIMIT);
        boolean wait = waits(ctx);
        List<ExecuteResult> results = service.batch(Requests.principal(ctx), req.submissions(), Requests.requestId(ctx), wait);
        ctx.status(wait ? 200 : 202).json(new BatchExecuteResult(results));
    }

    private void result(Context ctx) {
        ctx.json(service.result(Requests.principal(ctx), ctx.pathParam("id")));
    }

    private void install(Context ctx) {
        LanguageInstallRequest req = Requests.body(ctx, json, LanguageInstallRequest.class);
        ctx.status(202).json(new LanguageList(languages.install(Requests.principal(ctx), req.languages())));
    }

    private static boolean waits(Context ctx) {
        String wait = ctx.queryParam("wait");
        if (wait == null || wait.equals("true")) {
            return true;
        }
        if (wait.equals("false")) {
            return false;
        }
        throw dev.errand.protocol.ErrandException.invalid("wait must be true or false, got '" + wait + "'");
    }
}
