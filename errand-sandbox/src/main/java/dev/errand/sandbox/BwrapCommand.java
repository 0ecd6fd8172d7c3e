package dev.errand.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two halves of one bubblewrap launch. The host command line holds no secret:
 *
 * <pre>
 * STUB launch --setsid [--cgroup PROCS]... [--user 65534:65534] --stdin-to-fd3 --
 *     bwrap --args 3 -- /.errand/stub launch --rlimit core=0 [--rlimit ...] -- ARGV...
 * </pre>
 *
 * {@link ErrandStub} gives the sandbox its own session, moves it into its cgroup (a root server's
 * memory and process limits), moves stdin to fd 3 and, when the server is root, drops to uid/gid
 * 65534 with no capabilities before exec'ing bubblewrap; inside the sandbox (bound read-only at
 * {@link ErrandStub#IN_SANDBOX}) it sets the program's rlimits ({@link Prlimit}) and execs it. The
 * bubblewrap options, including the spec's environment as {@code --clearenv --setenv K V},
 * travel NUL-separated over that fd 3 (bubblewrap closes it after reading), so secrets never show
 * in any host command line, and no privileged process ever sees the spec's environment (no
 * {@code LD_PRELOAD} reaches a root process). Stateless.
 */
final class BwrapCommand {
    private static final String UID = Integer.toString(HostUser.SANDBOX_UID);

    private BwrapCommand() {}

    /** @return the host command line (see the class comment), without a cgroup */
    static List<String> hostCommand(BwrapHost host, Path stub, SandboxSpec spec) {
        return hostCommand(host, stub, spec, null);
    }

    /**
     * @param stub the host path of {@link ErrandStub}
     * @param cgroup the sandbox's cgroup, which then enforces memory and processes instead of rlimits, or null
     * @return the host command line, entering {@code cgroup} first when given
     */
    static List<String> hostCommand(BwrapHost host, Path stub, SandboxSpec spec, Cgroup cgroup) {
        List<String> cmd = new ArrayList<>(List.of(stub.toString(), "launch", "--setsid"));
        if (cgroup != null) {
            cgroup.procsFiles().forEach(f -> cmd.addAll(List.of("--cgroup", f.toString())));
        }
        if (host.dropsPrivileges()) {
            cmd.addAll(List.of("--user", UID + ":" + UID));
        }
        cmd.addAll(List.of("--stdin-to-fd3", "--", host.bwrap().toString(), "--args", "3", "--",
                ErrandStub.IN_SANDBOX, "launch"));
        Limits rlimits = cgroup == null ? spec.limits()
                : new Limits(0, 0, spec.limits().cpuSeconds(), spec.limits().fileSizeBytes());
        cmd.addAll(Prlimit.stubOptions(rlimits));
        cmd.add("--");
        cmd.addAll(spec.argv());
        return cmd;
    }

    /** @return the bubblewrap options, in the order bubblewrap applies them */
    static List<String> options(BwrapHost host, Path stub, SandboxSpec spec) {
        boolean hardened = host.version().hasHardeningOptions();
        List<String> o = new ArrayList<>(List.of("--die-with-parent", "--unshare-user"));
        if (hardened) {
            o.add("--disable-userns"); // no nested user namespaces: a smaller kernel surface
        }
        o.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        if (!spec.network()) {
            o.add("--unshare-net");
        }
        if (spec.uid() != null) {
            o.addAll(List.of("--uid", spec.uid().toString(), "--gid", spec.uid().toString()));
        }
        o.addAll(List.of("--hostname", spec.hostname(), "--cap-drop", "ALL"));
        o.addAll(spec.rootfs() == null ? host.rootArgs() : RootLayout.ofRootfs(spec.rootfs()));
        o.addAll(List.of("--ro-bind", stub.toString(), ErrandStub.IN_SANDBOX, "--proc", "/proc", "--dev", "/dev"));
        scratch(o, hardened, spec.limits(), "/dev/shm");
        scratch(o, hardened, spec.limits(), "/tmp");
        o.addAll(List.of("--bind", spec.workDir().toString(), SandboxSpec.SANDBOX_WORK_DIR,
                // bubblewrap builds / and /dev on tmpfs it owns: freeze them so that /tmp, /dev/shm
                // and /work are the only writable places
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", spec.startDir(), "--clearenv"));
        for (Map.Entry<String, String> e : new TreeMap<>(spec.env()).entrySet()) {
            o.addAll(List.of("--setenv", e.getKey(), e.getValue()));
        }
        return o;
    }

    /** A private, world-writable (sticky) tmpfs at {@code dir}, no larger than the memory limit. */
    private static void scratch(List<String> o, boolean hardened, Limits limits, String dir) {
        if (hardened) {
            if (limits.memoryBytes() > 0) {
                o.addAll(List.of("--size", Long.toString(limits.memoryBytes())));
            }
            o.addAll(List.of("--perms", "1777"));
        }
        o.addAll(List.of("--tmpfs", dir));
    }

    /**
     * @param options bubblewrap options
     * @return them as UTF-8, each followed by a NUL byte, as {@code --args} reads them
     * @throws IllegalArgumentException when an option contains NUL, which would split it in two
     */
    static byte[] encode(List<String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String option : options) {
            if (option.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a sandbox argument contains a NUL character");
            }
            out.writeBytes(option.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
