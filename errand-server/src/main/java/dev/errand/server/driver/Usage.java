package dev.errand.server.driver;

/**
 * What an execution's sandbox consumed, for drivers that measure it.
 *
 * @param cpuSeconds CPU time of all its processes, user plus system, in seconds
 * @param peakMemoryBytes its highest memory use in bytes, 0 when unknown
 * @param outOfMemory true when the kernel killed a process of it for reaching its memory limit
 */
public record Usage(double cpuSeconds, long peakMemoryBytes, boolean outOfMemory) {
    /** @return a sentence for the execution's log, such as {@code usage: cpu 0.12 s, peak memory 3.4 MiB} */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "usage: cpu %.2f s, peak memory %.1f MiB", cpuSeconds,
                peakMemoryBytes / (1024.0 * 1024.0));
    }
}
