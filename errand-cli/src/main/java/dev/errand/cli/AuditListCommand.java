package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.AuditEntryView;
import dev.errand.protocol.AuditPage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code errand audit list}: a page of audit entries, newest first, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List audit entries, newest first, one page at a time.")
final class AuditListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    AuditFilters filters;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Entries per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after a previous page (printed as 'next page:').")
    String cursor;

    private final CliEnvironment env;

    AuditListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000, got " + limit);
        }
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(filters.query().add("limit", limit).add("cursor", cursor).on(ApiPaths.AUDIT));
        AuditPage page = api.convert(node, AuditPage.class);
        if (global.json) {
            session.printJson(node);
        } else if (page.items().isEmpty()) {
            session.messages().info("no audit entries found");
        } else {
            table(page.items()).print(env.out(), session.outAnsi());
        }
        if (page.nextCursor() != null) {
            session.messages().info("next page: add --cursor " + page.nextCursor());
        }
        return ExitCodes.OK;
    }

    /** @return entries as the table {@code audit list} and {@code trace} print */
    static Table table(List<AuditEntryView> entries) {
        Table t = new Table("SEQ", "TIME (UTC)", "USER", "ROLE", "ACTION", "TARGET", "OUTCOME", "STATUS", "SOURCE", "REQUEST");
        for (AuditEntryView e : entries) {
            t.row(Long.toString(e.seq()), TimeText.seconds(e.at()), e.user(), e.role(), e.action(), e.target(),
                    e.outcome() + (e.detail() == null ? "" : " (" + e.detail() + ")"), Integer.toString(e.status()),
                    e.source(), e.requestId());
        }
        return t;
    }
}
