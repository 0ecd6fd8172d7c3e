package dev.errand.sandbox;

/**
 * What a sandbox used, and which limit (if any) it ran into.
 *
 * @param cpuSeconds user plus system CPU seconds of all its processes, or null when not measured
 * @param peakMemoryBytes its highest memory use in bytes, or null when not measured
 * @param limitHit {@code memory} when the memory limit killed a process, {@code processes} when a
 *     fork was refused at the process limit, else null
 * @param method how it was measured: {@code cgroup}, {@code sampled} (from /proc every 250 ms), or {@code none}
 */
public record ResourceUsage(Double cpuSeconds, Long peakMemoryBytes, String limitHit, String method) {
    /** Nothing measured. */
    public static final ResourceUsage UNKNOWN = new ResourceUsage(null, null, null, "none");
}
