package dev.errand.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Limits} into a util-linux {@code prlimit} command prefix, run as the sandboxed user
 * just before the program, so that only the program (not bubblewrap) is limited. Each non-zero
 * limit is set as both the soft and the hard limit, so the program cannot raise it again. Core
 * dumps are always disabled: a dump would copy the program's memory, secrets included, into its
 * working directory or the host's crash collector.
 *
 * <p>These are per-process rlimits. {@code --nproc} counts the processes of the sandbox user in the
 * sandbox's user namespace (Linux 5.14 and later; older kernels count every process of that uid on
 * the host). cgroup limits (memory.max, pids.max, cpu.max) are a later addition. Stateless.
 */
final class Prlimit {
    private Prlimit() {}

    /**
     * @param prlimit the prlimit executable, as seen by the program (under {@code /usr})
     * @param limits the limits; zero fields are left as inherited
     * @return {@code prlimit --core=0 [--as=B] [--nproc=N] [--cpu=S:S+1] [--fsize=B] --}
     */
    static List<String> prefix(Path prlimit, Limits limits) {
        List<String> args = new ArrayList<>(List.of(prlimit.toString(), "--core=0"));
        add(args, "--as=", limits.memoryBytes());
        add(args, "--nproc=", limits.maxProcesses());
        if (limits.cpuSeconds() > 0) {
            // Soft limit first (SIGXCPU, a clear "CPU time exceeded" exit of 152), SIGKILL a second later.
            args.add("--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1));
        }
        add(args, "--fsize=", limits.fileSizeBytes());
        args.add("--");
        return args;
    }

    private static void add(List<String> args, String option, long value) {
        if (value > 0) {
            args.add(option + value);
        }
    }
}
