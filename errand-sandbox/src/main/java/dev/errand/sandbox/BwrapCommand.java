package dev.errand.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
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
 * setsid [setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs --]
 *     /bin/sh -c 'exec 3&lt;&amp;0 &lt;/dev/null &amp;&amp; exec "$@"' errand-sandbox
 *     bwrap --args 3 -- prlimit --core=0 [limits] -- ARGV...
 * </pre>
 *
 * The bubblewrap options, including the spec's environment as {@code --clearenv --setenv K V},
 * travel NUL-separated over the process's stdin, which the shell moves to fd 3 (bubblewrap closes
 * it after reading) before giving the sandbox {@code /dev/null} as stdin. So secrets never show in
 * any host command line, and no privileged process ever sees the spec's environment (no
 * {@code LD_PRELOAD} reaches a root process). {@code setpriv} appears only when the server is root:
 * bubblewrap then runs unprivileged, in a user namespace, as uid/gid 65534. Stateless.
 */
final class BwrapCommand {
    private static final String FD_SHUFFLE = "exec 3<&0 </dev/null && exec \"$@\"";
    private static final String UID = Integer.toString(HostUser.SANDBOX_UID);

    private BwrapCommand() {}

    /** @return the host command line (see the class comment) */
    static List<String> hostCommand(BwrapHost host, SandboxSpec spec) {
        return hostCommand(host, spec, null);
    }

    /**
     * @param cgroup the sandbox's cgroup, which then enforces memory and processes instead of rlimits, or null
     * @return the host command line, entering {@code cgroup} first when given
     */
    static List<String> hostCommand(BwrapHost host, SandboxSpec spec, Cgroup cgroup) {
        List<String> cmd = new ArrayList<>(cgroup == null ? List.of() : cgroup.enterPrefix());
        cmd.add(host.setsid().toString());
        host.setpriv().ifPresent(setpriv -> cmd.addAll(List.of(setpriv.toString(), "--reuid=" + UID,
                "--regid=" + UID, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "--no-new-privs", "--")));
        cmd.addAll(List.of("/bin/sh", "-c", FD_SHUFFLE, "errand-sandbox", host.bwrap().toString(),
                "--args", "3", "--"));
        Limits rlimits = cgroup == null ? spec.limits()
                : new Limits(0, 0, spec.limits().cpuSeconds(), spec.limits().fileSizeBytes());
        cmd.addAll(limitsPrefix(host, spec, rlimits));
        cmd.addAll(spec.argv());
        return cmd;
    }

    /**
     * The prlimit prefix, run inside the sandbox. A root filesystem image needs its own
     * {@code /usr/bin/prlimit} (every Debian image has it, util-linux being essential); an image
     * without one runs without the prefix, which is refused when it has limits to apply.
     */
    private static List<String> limitsPrefix(BwrapHost host, SandboxSpec spec, Limits rlimits) {
        if (spec.rootfs() == null) {
            return Prlimit.prefix(host.prlimit(), rlimits);
        }
        Path inImage = Path.of("/usr/bin/prlimit");
        if (Files.isExecutable(spec.rootfs().resolve("usr/bin/prlimit"))) {
            return Prlimit.prefix(inImage, rlimits);
        }
        if (!rlimits.equals(Limits.NONE)) {
            throw new IllegalArgumentException("image " + spec.rootfs() + " has no /usr/bin/prlimit (util-linux), so"
                    + " its limits cannot be applied: install util-linux in it or run without limits");
        }
        return List.of();
    }

    /** @return the bubblewrap options, in the order bubblewrap applies them */
    static List<String> options(BwrapHost host, SandboxSpec spec) {
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
        o.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
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
