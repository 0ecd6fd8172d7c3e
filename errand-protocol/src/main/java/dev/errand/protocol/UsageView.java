package dev.errand.protocol;

/**
 * What one execution used and an estimate of what it cost.
 *
 * @param wallSeconds seconds from start to end
 * @param cpuSeconds user plus system CPU seconds of every process, or null when not measured
 * @param peakMemoryBytes the highest memory use of the sandbox in bytes, or null when not measured
 * @param costUsd estimated cost in US dollars from the server's rates (see docs/runbooks.md)
 */
public record UsageView(double wallSeconds, Double cpuSeconds, Long peakMemoryBytes, double costUsd) {}
