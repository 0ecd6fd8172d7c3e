package dev.errand.sandbox;

/**
 * Resource limits of one sandbox; 0 in any field means "no limit from Errand".
 *
 * @param memoryBytes the address-space / memory ceiling in bytes
 * @param maxProcesses the number of processes (threads included) the sandbox may hold
 * @param cpuSeconds CPU time in seconds before SIGXCPU/SIGKILL
 * @param fileSizeBytes the largest file the sandbox may write, in bytes
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
