package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host command line of a {@link StandbySpec}:
 *
 * <pre>
 * [STUB launch --user 65534:65534 --] bwrap OPTIONS -- ARGV...
 * </pre>
 *
 * where {@code STUB launch --user} ({@link ErrandStub}) drops a root server's privileges, as
 * util-linux {@code setpriv} would, and appears only when the server is root. The stub is also bound
 * read-only at {@link ErrandStub#IN_SANDBOX}.
 * The options match {@link BwrapCommand}'s (new user, pid, ipc, uts and cgroup namespaces, no
 * network unless asked, no capabilities, read-only root, private {@code /proc} and {@code /dev})
 * plus the spec's extra read-only binds, except that {@code /work} is a private tmpfs rather than a host directory, the root may come
 * from an image directory, everything travels on the command line (the spec holds no secret, and
 * stdin stays free for the program), and bubblewrap's {@code --new-session} replaces {@code setsid}
 * (one program less to start per sandbox). Stateless.
 */
final class StandbyCommand {
    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    private static final String UID = Integer.toString(HostUser.SANDBOX_UID);

    private StandbyCommand() {}

    /**
     * @param stub the host path of {@link ErrandStub}
     * @return the host command line for {@code spec}
     * @throws IOException when the image root cannot be inspected or has no {@code usr} directory
     */
    static List<String> hostCommand(BwrapHost host, Path stub, StandbySpec spec) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (host.dropsPrivileges()) {
            cmd.addAll(List.of(stub.toString(), "launch", "--user", UID + ":" + UID, "--"));
        }
        cmd.add(host.bwrap().toString());
        boolean hardened = host.version().hasHardeningOptions();
        cmd.addAll(List.of("--die-with-parent", "--new-session", "--unshare-user"));
        if (hardened) {
            cmd.add("--disable-userns");
        }
        cmd.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        if (!spec.network()) {
            cmd.add("--unshare-net");
        }
        cmd.addAll(List.of("--hostname", spec.hostname(), "--cap-drop", "ALL"));
        cmd.addAll(spec.imageRoot().isPresent() ? imageRoot(spec.imageRoot().get()) : host.rootArgs());
        new TreeMap<>(spec.extraBinds()).forEach((from, to) ->
                cmd.addAll(List.of("--ro-bind-try", from.toString(), to.toString())));
        cmd.addAll(List.of("--ro-bind", stub.toString(), ErrandStub.IN_SANDBOX));
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        for (String dir : List.of("/dev/shm", "/tmp", SandboxSpec.SANDBOX_WORK_DIR)) {
            if (hardened) {
                cmd.addAll(List.of("--size", Long.toString(spec.scratchBytes()), "--perms", "1777"));
            }
            cmd.addAll(List.of("--tmpfs", dir));
        }
        cmd.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/", "--chdir", SandboxSpec.SANDBOX_WORK_DIR,
                "--clearenv"));
        for (Map.Entry<String, String> e : new TreeMap<>(spec.env()).entrySet()) {
            cmd.addAll(List.of("--setenv", e.getKey(), e.getValue()));
        }
        cmd.add("--");
        cmd.addAll(spec.argv());
        return cmd;
    }

    /** The image's {@code /usr} and {@code /etc} read-only, and its top-level links into {@code /usr}. */
    static List<String> imageRoot(Path root) throws IOException {
        if (!Files.isDirectory(root.resolve("usr"))) {
            throw new IOException("image root " + root + " has no usr directory");
        }
        List<String> args = new ArrayList<>(List.of("--ro-bind", root.resolve("usr").toString(), "/usr"));
        for (String name : TOP_LEVEL) {
            Path p = root.resolve(name);
            if (Files.isSymbolicLink(p)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), "/" + name));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--ro-bind", p.toString(), "/" + name));
            }
        }
        if (Files.isDirectory(root.resolve("etc"))) {
            args.addAll(List.of("--ro-bind", root.resolve("etc").toString(), "/etc"));
        }
        return args;
    }
}
