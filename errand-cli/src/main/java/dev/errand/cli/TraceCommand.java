package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.TraceView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand trace REQUEST_ID}: what one request did — audit entries, server log lines, resources (admin). */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Show what one request did (admin).",
            "Its audit entries, the server's log lines while handling it, and the resources it created or changed."
                + " Request ids are in every error message and X-Request-Id header."})
final class TraceCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "REQUEST_ID", description = "The request id, such as req_01hz... or the X-Request-Id you sent.")
    String requestId;

    private final CliEnvironment env;

    TraceCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.trace(UrlText.segment(requestId.strip())));
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        TraceView t = api.convert(node, TraceView.class);
        PrintWriter out = env.out();
        Ansi ansi = session.outAnsi();
        out.println(ansi.bold("Request " + t.requestId()));
        out.println();
        out.println(ansi.bold("Audit entries"));
        if (t.audit().isEmpty()) {
            out.println("  (none: reads that were allowed are not audited)");
        } else {
            AuditListCommand.table(t.audit()).print(out, ansi);
        }
        out.println();
        out.println(ansi.bold("Server log"));
        if (t.logs().isEmpty()) {
            out.println("  (none kept: lines are kept in the server's memory for recent requests only)");
        }
        for (TraceView.LogEntry l : t.logs()) {
            out.println(TimeText.millis(l.at()) + "  " + l.level() + "  " + l.logger() + "  " + l.message());
        }
        out.println();
        out.println(ansi.bold("Resources created or changed"));
        if (t.resources().isEmpty()) {
            out.println("  (none)");
        } else {
            Table table = new Table("TYPE", "ID", "ACTION", "NOW");
            t.resources().forEach(r -> table.row(r.type(), r.id(), r.action(), r.summary()));
            table.print(out, ansi);
        }
        return ExitCodes.OK;
    }
}
