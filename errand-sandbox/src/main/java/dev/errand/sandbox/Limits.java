package dev.errand.sandbox;

/**
 * Resource limits of one sandbox; 0 in any field means "no limit from Errand".
 *
 * <p>Today these are per-process rlimits set with util-linux {@code prlimit} just before the
 * program (soft = hard, so the program cannot raise them), by both launchers; cgroup limits
 * (memory.max, pids.max, cpu.max), which also bound a whole process tree, come later. Core dumps
 * are always off.
 *
 * @param memoryBytes the address-space ceiling of each process in bytes ({@code RLIMIT_AS}); the
 *     bubblewrap launcher also caps each of the sandbox's {@code /tmp} and {@code /dev/shm} at this
 *     size (bubblewrap 0.8+).
 *     Runtimes that reserve much virtual memory (the JVM, Go) need a generous value
 * @param maxProcesses the number of processes (threads included) the sandbox user may hold
 *     ({@code RLIMIT_NPROC}); counted per sandbox on Linux 5.14+, per host uid before
 * @param cpuSeconds CPU time of each process in seconds before SIGXCPU/SIGKILL ({@code RLIMIT_CPU})
 * @param fileSizeBytes the largest file the sandbox may write, in bytes ({@code RLIMIT_FSIZE});
 *     a write beyond it fails and raises SIGXFSZ
 */
public record Limits(long memoryBytes, int maxProcesses, long cpuSeconds, long fileSizeBytes) {
    /** No limits. */
    public static final Limits NONE = new Limits(0, 0, 0, 0);

    /** Rejects negative values. */
    public Limits {
        if (memoryBytes < 0 || maxProcesses < 0 || cpuSeconds < 0 || fileSizeBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
