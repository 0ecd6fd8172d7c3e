package dev.errand.protocol;

/**
 * Resource limits of one execution; a null field means "the image's default" in a request and
 * "no limit" in a view.
 *
 * @param memoryMb memory ceiling in MiB (cgroup memory limit, else per-process address space)
 * @param maxProcesses the most processes and threads the sandbox may hold at once
 * @param cpuSeconds CPU time in seconds the execution may use in total
 * @param cpus the CPU share billed in the cost estimate (vCPUs), such as 0.25 or 2
 * @param outputBytes the most bytes of output stored; the rest is cut with a marker line
 */
public record ExecutionLimits(Integer memoryMb, Integer maxProcesses, Integer cpuSeconds, Double cpus, Long outputBytes) {}
