package dev.errand.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** The filters {@code audit list} and {@code audit export} share, mixed in with {@code @Mixin}. */
final class AuditFilters {
    @Option(names = "--user", paramLabel = "USER", description = "Only this user's entries: an email or a user id (usr_...).")
    String user;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Only this action, such as execution.create, or a prefix such as user.* .")
    String action;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "Only entries about this resource: type:id (execution:ex_...) or just the id.")
    String target;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeArg.Converter.class,
            description = "Only entries at or after TIME: 2026-01-02T03:04:05Z, 2026-01-02, or a duration ago (15m, 7d).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeArg.Converter.class,
            description = "Only entries before TIME (same forms as --since).")
    Instant until;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "Only ok, denied or failed entries.")
    String outcome;

    /** @return a query with these filters */
    UrlText.Query query() {
        return new UrlText.Query().add("user", user).add("action", action).add("target", target).add("since", since)
                .add("until", until).add("outcome", outcome);
    }
}
