package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.playbook.DurationText;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ExecutionView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code errand status ID}: one execution's details as {@code  Key: value} lines; a queued one's
 * status says where it waits ({@code QUEUED, position 2 in the queue for lock deploy}).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show one execution: status, command, image, exit code, times and limits.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "ID", converter = ExecutionId.Converter.class, description = "The execution id (ex_...).")
    ExecutionId id;

    private final CliEnvironment env;

    StatusCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.execution(id.value()));
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        ExecutionView view = api.convert(node, ExecutionView.class);
        Ansi ansi = session.outAnsi();
        PrintWriter out = env.out();
        field(out, ansi, "ID", view.id());
        String queue = QueueText.of(view);
        field(out, ansi, "Status", StatusStyle.paint(ansi, view.status()) + (queue == null ? "" : ", " + queue));
        field(out, ansi, "Command", view.command());
        field(out, ansi, "Image", view.image());
        field(out, ansi, "Driver", view.driver());
        field(out, ansi, "User", view.user());
        field(out, ansi, "Exit code", view.exitCode() == null ? null : view.exitCode().toString());
        field(out, ansi, "Reason", view.reason());
        field(out, ansi, "Created", utc(view.createdAt()));
        field(out, ansi, "Started", utc(view.startedAt()));
        field(out, ansi, "Finished", utc(view.finishedAt()));
        field(out, ansi, "Duration", duration(view, env.clock().instant()));
        field(out, ansi, "Timeout", DurationText.formatSeconds(view.timeoutSeconds()));
        field(out, ansi, "Network", view.network() ? "on" : "off");
        if (view.lock() != null) {
            field(out, ansi, "Lock", view.lock());
        }
        if (view.secrets() != null) {
            field(out, ansi, "Secrets", String.join(", ", view.secrets()));
        }
        if (view.git() != null) {
            field(out, ansi, "Git", view.git().repo() + (view.git().ref() == null ? "" : " @ " + view.git().ref())
                    + (view.git().path() == null ? "" : " in " + view.git().path()));
        }
        if (view.limits() != null) {
            field(out, ansi, "Limits", limits(view.limits()));
        }
        if (view.usage() != null) {
            field(out, ansi, "CPU time", view.usage().cpuSeconds() == null ? null
                    : String.format(java.util.Locale.ROOT, "%.2fs", view.usage().cpuSeconds()));
            field(out, ansi, "Peak memory", Bytes.mib(view.usage().peakMemoryBytes()));
            field(out, ansi, "Cost", Bytes.usd(view.usage().costUsd()) + " (estimate)");
        }
        return ExitCodes.OK;
    }

    /** @return how long it ran: start to finish, start to now (running), or null if it never started */
    static String duration(ExecutionView view, Instant now) {
        if (view.startedAt() == null) {
            return null;
        }
        if (view.finishedAt() != null) {
            return DurationText.format(Duration.between(view.startedAt(), view.finishedAt()));
        }
        return DurationText.format(Duration.between(view.startedAt(), now)) + " (running)";
    }

    private static String limits(dev.errand.protocol.ExecutionLimits l) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (l.memoryMb() != null) {
            parts.add("memory " + l.memoryMb() + " MiB");
        }
        if (l.maxProcesses() != null) {
            parts.add(l.maxProcesses() + " processes");
        }
        if (l.cpuSeconds() != null) {
            parts.add("CPU " + l.cpuSeconds() + " s");
        }
        if (l.cpus() != null) {
            parts.add(l.cpus() + " vCPU billed");
        }
        if (l.outputBytes() != null) {
            parts.add("output " + l.outputBytes() + " bytes");
        }
        return String.join(", ", parts);
    }

    private static String utc(Instant instant) {
        return instant == null ? null : TimeText.seconds(instant) + " UTC";
    }

    private static void field(PrintWriter out, Ansi ansi, String key, String value) {
        out.println("  " + ansi.grey(key + ":") + " " + (value == null ? "-" : value));
    }
}
