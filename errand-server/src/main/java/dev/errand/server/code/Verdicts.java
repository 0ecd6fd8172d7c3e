package dev.errand.server.code;

import dev.errand.protocol.CodeStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Decides a finished run's status from what the stub reported. A run that wrote more than the
 * output limit is {@code output_limit}; one killed after its wall-clock or CPU limit is
 * {@code timeout}; one that failed while saying it ran out of memory (or peaked near its limit)
 * is {@code memory_limit}; otherwise exit 0 is {@code ok} and anything else {@code runtime_error}.
 * Stateless.
 */
final class Verdicts {
    /** What runtimes print when an allocation fails under the data limit (lower case). */
    static final List<String> OUT_OF_MEMORY = List.of("memoryerror", "out of memory", "outofmemoryerror",
            "cannot allocate memory", "bad_alloc", "memory allocation of", "failed to allocate memory",
            "nomemoryerror", "heap exhausted", "memory exhausted", "insufficient memory", "could not reserve",
            "failed to reserve", "not enough memory", "unable to allocate", "mmap failed", "storage_error");

    private Verdicts() {}

    /**
     * @param status the status
     * @param signal the signal name or null
     * @param message why, or null
     */
    record Verdict(CodeStatus status, String signal, String message) {}

    /** @return the verdict for a program that ran */
    static Verdict of(ProgramRun run, Job job, CodeLimits limits) {
        int signal = Signals.of(run.exit());
        String name = Signals.name(signal);
        if (run.stdoutBytes() > limits.maxOutputBytes() || run.stderrBytes() > limits.maxOutputBytes()) {
            return new Verdict(CodeStatus.OUTPUT_LIMIT, name, "the program wrote " + run.stdoutBytes()
                    + " bytes to stdout and " + run.stderrBytes() + " to stderr; the limit is "
                    + limits.maxOutputBytes() + " bytes each" + (signal == Signals.XFSZ ? " (stopped at the file size limit)" : ""));
        }
        boolean outOfCpu = signal == Signals.XCPU;
        if (run.timedOut() || outOfCpu) {
            return new Verdict(CodeStatus.TIMEOUT, name, outOfCpu
                    ? "the program used its " + CodeLimits.cpuSeconds(job.timeoutMs()) + " s of CPU time"
                    : "the program ran longer than " + job.timeoutMs() + " ms and was killed");
        }
        if (run.exit() != 0 && outOfMemory(run, job)) {
            return new Verdict(CodeStatus.MEMORY_LIMIT, name, "the program ran out of its " + job.memoryMb()
                    + " MiB memory limit");
        }
        if (run.exit() == 0) {
            return new Verdict(CodeStatus.OK, null, null);
        }
        return new Verdict(CodeStatus.RUNTIME_ERROR, name, signal == Signals.XFSZ
                ? "the program wrote a file over the " + limits.maxFileBytes() + " byte limit" : null);
    }

    private static boolean outOfMemory(ProgramRun run, Job job) {
        long limitKb = ((long) job.memoryMb() + job.language().memoryOverheadMb()) * 1024;
        if (run.maxRssKb() != null && run.maxRssKb() >= limitKb * 9 / 10) {
            return true;
        }
        String err = new String(run.stderr(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return OUT_OF_MEMORY.stream().anyMatch(err::contains);
    }
}
