package dev.errand.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Limits} into the rlimits set just before the program, so that only the program
 * (not bubblewrap) is limited: as util-linux {@code prlimit} options ({@link ProcessLauncher}) or
 * as {@link ErrandStub} {@code launch --rlimit} options (sandboxes). Each non-zero limit is set as
 * both the soft and the hard limit, so the program cannot raise it again, except CPU time, whose
 * hard limit is a second above the soft one. Core dumps are always disabled: a dump would copy the
 * program's memory, secrets included, into its working directory or the host's crash collector.
 *
 * <p>These are per-process rlimits. {@code nproc} counts the processes of the sandbox user in the
 * sandbox's user namespace (Linux 5.14 and later; older kernels count every process of that uid on
 * the host). A root server's cgroups bound memory and processes instead. Stateless.
 */
final class Prlimit {
    /** One rlimit: its prlimit name, soft and hard values. */
    private record Rlimit(String name, long soft, long hard) {}

    private Prlimit() {}

    /**
     * @param prlimit the prlimit executable, as seen by the program (under {@code /usr})
     * @param limits the limits; zero fields are left as inherited
     * @return {@code prlimit --core=0 [--as=B] [--nproc=N] [--cpu=S:S+1] [--fsize=B] --}
     */
    static List<String> prefix(Path prlimit, Limits limits) {
        List<String> args = new ArrayList<>(List.of(prlimit.toString()));
        for (Rlimit r : of(limits)) {
            args.add("--" + r.name() + "=" + value(r));
        }
        args.add("--");
        return args;
    }

    /**
     * @param limits the limits; zero fields are left as inherited
     * @return {@code --rlimit core=0 [--rlimit as=B] [--rlimit nproc=N] [--rlimit cpu=S:S+1] [--rlimit fsize=B]}
     */
    static List<String> stubOptions(Limits limits) {
        List<String> args = new ArrayList<>();
        for (Rlimit r : of(limits)) {
            args.addAll(List.of("--rlimit", r.name() + "=" + value(r)));
        }
        return args;
    }

    private static List<Rlimit> of(Limits limits) {
        List<Rlimit> out = new ArrayList<>(List.of(new Rlimit("core", 0, 0)));
        add(out, "as", limits.memoryBytes());
        add(out, "nproc", limits.maxProcesses());
        if (limits.cpuSeconds() > 0) {
            // Soft limit first (SIGXCPU, a clear "CPU time exceeded" exit of 152), SIGKILL a second later.
            out.add(new Rlimit("cpu", limits.cpuSeconds(), limits.cpuSeconds() + 1));
        }
        add(out, "fsize", limits.fileSizeBytes());
        return out;
    }

    private static String value(Rlimit r) {
        return r.soft() == r.hard() ? Long.toString(r.soft()) : r.soft() + ":" + r.hard();
    }

    private static void add(List<Rlimit> out, String name, long value) {
        if (value > 0) {
            out.add(new Rlimit(name, value, value));
        }
    }
}
