package dev.errand.sandbox.runc;

/**
 * What one container consumed, read from its cgroup when it ended.
 *
 * @param cpuSeconds CPU time of all its processes, user plus system, in seconds
 * @param peakMemoryBytes the highest memory use of the container in bytes (0 when the kernel does
 *     not report it)
 * @param outOfMemory true when the kernel's OOM killer killed a process because the container
 *     reached its memory limit
 */
public record ContainerUsage(double cpuSeconds, long peakMemoryBytes, boolean outOfMemory) {}
