package dev.errand.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/usage?by=user|image&since=...}: usage and cost of the
 * executions that ended since a time, summed per user or per image.
 *
 * @param by {@code user} or {@code image}
 * @param since the start of the period
 * @param rows one per user or image, most expensive first
 * @param total the sums over every row (its {@code key} is {@code total})
 */
public record UsageReport(String by, Instant since, List<Row> rows, Row total) {
    /**
     * @param key the user's email or the image's name
     * @param executions how many executions ended in the period
     * @param wallSeconds their summed wall time
     * @param cpuSeconds their summed measured CPU seconds
     * @param peakMemoryBytes the highest peak memory among them, or null when none was measured
     * @param costUsd their summed estimated cost in dollars
     */
    public record Row(String key, long executions, double wallSeconds, double cpuSeconds, Long peakMemoryBytes,
            double costUsd) {}
}
