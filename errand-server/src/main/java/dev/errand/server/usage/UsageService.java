package dev.errand.server.usage;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.UsageReport;
import dev.errand.server.identity.Principal;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums usage and cost per user or image over a period. Developers see only their own executions;
 * other roles see everyone's. Thread-safe.
 */
public final class UsageService {
    private static final Pattern AGO = Pattern.compile("([0-9]{1,6})([mhdw])");
    private final Database db;
    private final UsageStore store;
    private final Clock clock;

    /** @param clock the time source for relative periods such as {@code 7d} */
    public UsageService(Database db, UsageStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param by {@code user} (default) or {@code image}
     * @param since an ISO-8601 instant, a date, or an age such as {@code 30m}, {@code 24h}, {@code 7d},
     *     {@code 4w}; null for 30 days
     * @throws ErrandException {@code invalid_request} for another {@code by} or an unreadable {@code since}
     */
    public UsageReport report(Principal caller, String by, String since) {
        String group = by == null ? "user" : by;
        if (!group.equals("user") && !group.equals("image")) {
            throw ErrandException.invalid("by must be 'user' or 'image', got '" + by + "'");
        }
        Instant from = since(since);
        String owner = caller.seesAll() ? null : caller.userId();
        List<UsageReport.Row> rows = db.read(h -> store.sum(h, group.equals("image"), from.toEpochMilli(), owner));
        long n = 0;
        double wall = 0;
        double cpu = 0;
        double cost = 0;
        Long peak = null;
        for (UsageReport.Row r : rows) {
            n += r.executions();
            wall += r.wallSeconds();
            cpu += r.cpuSeconds();
            cost += r.costUsd();
            peak = r.peakMemoryBytes() == null ? peak : peak == null ? r.peakMemoryBytes() : Math.max(peak, r.peakMemoryBytes());
        }
        return new UsageReport(group, from, rows, new UsageReport.Row("total", n, wall, cpu, peak, Math.round(cost * 1e6) / 1e6));
    }

    private Instant since(String text) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        if (text == null || text.isBlank()) {
            return now.minus(Duration.ofDays(30));
        }
        Matcher m = AGO.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            return text.length() == 10 ? Instant.parse(text + "T00:00:00Z") : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ErrandException.invalid("since must be an age such as 7d or 24h, a date such as 2026-01-31, or an"
                    + " ISO-8601 instant, got '" + text + "'");
        }
    }
}
