package dev.errand.server.code;

/**
 * The limits of code runs: defaults for requests that give none, and the maxima a request may
 * ask for. Requests can set only the run's wall time and memory; the rest are server settings.
 *
 * @param defaultTimeoutMs the run's wall-clock limit when a request gives none
 * @param maxTimeoutMs the largest {@code timeout_ms} a request may ask for
 * @param compileTimeoutMs the compile step's wall-clock limit (a language may ask for more)
 * @param defaultMemoryMb the program's memory limit when a request gives none ({@code RLIMIT_DATA},
 *     plus the language's runtime overhead)
 * @param maxMemoryMb the largest {@code memory_mb} a request may ask for
 * @param compileMemoryMb the compiler's memory limit
 * @param maxProcesses processes and threads a run may hold at once ({@code RLIMIT_NPROC})
 * @param maxFileBytes the largest file a run may write ({@code RLIMIT_FSIZE}), its output included
 * @param maxOutputBytes how much of stdout, stderr and the compiler output each is kept; more is
 *     {@code output_limit}
 * @param scratchBytes the size of each private tmpfs of a sandbox ({@code /work}, {@code /tmp})
 */
public record CodeLimits(int defaultTimeoutMs, int maxTimeoutMs, int compileTimeoutMs, int defaultMemoryMb,
        int maxMemoryMb, int compileMemoryMb, int maxProcesses, long maxFileBytes, int maxOutputBytes,
        long scratchBytes) {
    /** The largest source (code, or all files together) and the largest stdin: 1 MiB. */
    public static final int MAX_SOURCE_BYTES = 1024 * 1024;
    /** The most files a request may send. */
    public static final int MAX_FILES = 64;
    /** The most arguments, and the longest argument in bytes. */
    public static final int MAX_ARGS = 64;
    /** The longest argument, in bytes. */
    public static final int MAX_ARG_BYTES = 4096;
    /** The smallest memory limit a request may ask for, in MiB. */
    public static final int MIN_MEMORY_MB = 16;

    /** Validates. */
    public CodeLimits {
        if (defaultTimeoutMs < 1 || defaultTimeoutMs > maxTimeoutMs || compileTimeoutMs < 1
                || defaultMemoryMb < MIN_MEMORY_MB || defaultMemoryMb > maxMemoryMb || compileMemoryMb < 16
                || maxProcesses < 1 || maxOutputBytes < 1 || maxFileBytes < maxOutputBytes
                || scratchBytes < 1024 * 1024) {
            throw new IllegalArgumentException("inconsistent code limits: " + this);
        }
    }

    /**
     * Defaults: run 5 s (max 60 s), compile 20 s, memory 256 MiB (max 2 GiB, compiler 2 GiB), 64
     * processes, files 16 MiB, output 1 MiB per stream, scratch 256 MiB.
     */
    public static CodeLimits defaults() {
        return new CodeLimits(5_000, 60_000, 20_000, 256, 2048, 2048, 64, 16L << 20, 1 << 20, 256L << 20);
    }

    /** @return the CPU-time limit for a run of this wall-clock limit: one second more, rounded up */
    static long cpuSeconds(int timeoutMs) {
        return (timeoutMs + 999) / 1000 + 1;
    }
}
