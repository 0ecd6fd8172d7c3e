package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.playbook.DurationText;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.UsageReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand usage --by user|image --since 7d}: usage and estimated cost summed per user or image. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Sum the usage and estimated cost of executions that ended in a period, per user or image.",
            "Developers see their own executions only."})
final class UsageCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--by", defaultValue = "user", paramLabel = "user|image", description = "Group by user or image (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--since", defaultValue = "30d", paramLabel = "WHEN",
            description = "Start of the period: an age (30m, 24h, 7d, 4w), a date (2026-01-31) or an ISO instant (default: ${DEFAULT-VALUE}).")
    String since;

    private final CliEnvironment env;

    UsageCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.USAGE + "?by=" + URLEncoder.encode(by, StandardCharsets.UTF_8)
                + "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        UsageReport report = api.convert(node, UsageReport.class);
        Table table = new Table(by.toUpperCase(Locale.ROOT), "RUNS", "WALL", "CPU", "PEAK MEM", "COST (USD)");
        for (UsageReport.Row r : report.rows()) {
            row(table, r);
        }
        row(table, report.total());
        table.print(env.out(), session.outAnsi());
        session.messages().info("since " + TimeText.seconds(report.since()) + " UTC; cost is an estimate from the server's rates");
        return ExitCodes.OK;
    }

    private static void row(Table table, UsageReport.Row r) {
        table.row(r.key(), Long.toString(r.executions()), DurationText.formatSeconds(Math.round(r.wallSeconds())),
                String.format(Locale.ROOT, "%.1fs", r.cpuSeconds()), Bytes.mib(r.peakMemoryBytes()), Bytes.usd(r.costUsd()));
    }
}
