package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ExecutionPage;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code errand list}: a page of executions, newest first, as a table; queued ones with their place ({@code QUEUED #2}). */
@Command(name = "list", mixinStandardHelpOptions = true, description = {"List executions, newest first, one page at a time.",
        "A queued execution shows its place in the queue: QUEUED #2 waits behind one other (see errand status ID)."})
final class ListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "A,B", description = "Only these statuses, comma-separated, any case"
            + " (QUEUED, STARTING, RUNNING, SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST).")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Executions per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after a previous page (printed as 'next page:').")
    String cursor;

    private final CliEnvironment env;

    ListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000, got " + limit);
        }
        Set<ExecutionStatus> statuses = statuses();
        StringBuilder query = new StringBuilder(ApiPaths.EXECUTIONS).append("?limit=").append(limit);
        if (!statuses.isEmpty()) {
            query.append("&status=").append(statuses.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (cursor != null) {
            query.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(query.toString());
        ExecutionPage page = api.convert(node, ExecutionPage.class);
        if (global.json) {
            session.printJson(node);
        } else if (page.items() == null || page.items().isEmpty()) {
            session.messages().info("no executions found");
        } else {
            table(page.items()).print(env.out(), session.outAnsi());
        }
        if (page.nextCursor() != null) {
            session.messages().info("next page: errand list" + repeatArgs(statuses) + " --cursor " + page.nextCursor());
        }
        return ExitCodes.OK;
    }

    private Table table(List<ExecutionView> items) {
        Table table = new Table("ID", "STATUS", "EXIT", "COMMAND", "USER", "CREATED", "DURATION", "COST");
        for (ExecutionView v : items) {
            String duration = StatusCommand.duration(v, env.clock().instant());
            table.row(v.id(), QueueText.status(v), v.exitCode() == null ? null : v.exitCode().toString(),
                    Table.cut(v.command() == null ? "" : v.command(), 40), v.user(), TimeText.seconds(v.createdAt()),
                    duration == null ? null : duration.replace(" (running)", "…"),
                    v.usage() == null ? null : Bytes.usd(v.usage().costUsd()));
        }
        return table;
    }

    private Set<ExecutionStatus> statuses() {
        Set<ExecutionStatus> result = new LinkedHashSet<>();
        if (status == null) {
            return result;
        }
        for (String part : status.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                result.add(ExecutionStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "unknown status '" + part.strip() + "' in --status: expected any of "
                        + Arrays.stream(ExecutionStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return result;
    }

    private String repeatArgs(Set<ExecutionStatus> statuses) {
        List<String> args = new ArrayList<>();
        if (!statuses.isEmpty()) {
            args.add("--status " + statuses.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (limit != 20) {
            args.add("--limit " + limit);
        }
        return args.isEmpty() ? "" : " " + String.join(" ", args);
    }
}
