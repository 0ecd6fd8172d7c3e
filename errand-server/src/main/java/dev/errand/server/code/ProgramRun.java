package dev.errand.server.code;

/**
 * The program's run, as the stub reported it.
 *
 * @param exit the exit code; 128 + N when killed by signal N (137 after the wall-clock limit)
 * @param cpuMs user + system CPU time in ms, or null when unmeasured
 * @param maxRssKb peak resident memory in KiB, or null when unmeasured
 * @param stdout standard output, at most the output limit
 * @param stdoutBytes the full size of standard output
 * @param stderr standard error, at most the output limit
 * @param stderrBytes the full size of standard error
 * @param millis wall-clock time from start to exit
 * @param timedOut true when the server stopped the program at its wall-clock limit
 */
record ProgramRun(int exit, Long cpuMs, Long maxRssKb, byte[] stdout, long stdoutBytes, byte[] stderr,
        long stderrBytes, long millis, boolean timedOut) {}
