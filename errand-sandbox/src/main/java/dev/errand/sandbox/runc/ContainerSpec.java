package dev.errand.sandbox.runc;

import dev.errand.sandbox.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run in one container. Validated on construction; the launcher trusts it.
 *
 * @param id the container id, also its cgroup and bundle name: 1 to 128 of letters, digits and
 *     {@code _ . + -}, starting with a letter or digit
 * @param imageRoot the unpacked image root filesystem on the host (owned by {@link IdMapping}
 *     ids); never written to: each container gets a writable layer over it
 * @param argv the program and its arguments inside the container, at least one element, no NUL
 * @param env the complete environment of the program (names non-empty, without {@code =} or NUL)
 * @param cwd the absolute working directory inside the container
 * @param uid the user id inside the container the program runs as
 * @param gid its group id inside the container
 * @param workDir an existing absolute host directory, mounted writable at {@code workMount}; the
 *     launcher hands it to the container user
 * @param workMount where {@code workDir} appears inside the container, absolute and not {@code /}
 * @param network true to share the host's network namespace, false for a new one with loopback only
 * @param hostname the hostname inside the container: 1 to 63 letters, digits, {@code -} and
 *     {@code .}, starting with a letter or digit
 * @param limits resource limits ({@link Limits#NONE} for none); memory and processes become cgroup
 *     limits of the whole container, CPU time and file size per-process rlimits
 * @param readOnlyBinds host paths bound read-only into the container, by absolute container path
 */
public record ContainerSpec(
        String id,
        Path imageRoot,
        List<String> argv,
        Map<String, String> env,
        String cwd,
        int uid,
        int gid,
        Path workDir,
        String workMount,
        boolean network,
        String hostname,
        Limits limits,
        Map<String, Path> readOnlyBinds) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a field breaks the rules above
     * @throws NullPointerException when a field is null
     */
    public ContainerSpec {
        require(ID.matcher(Objects.requireNonNull(id, "id")).matches(), "invalid container id: '" + id + "'");
        require(Objects.requireNonNull(imageRoot, "imageRoot").isAbsolute(), "imageRoot must be absolute");
        argv = List.copyOf(argv);
        require(!argv.isEmpty(), "argv must not be empty");
        argv.forEach(a -> require(a.indexOf('\0') < 0, "an argument contains NUL"));
        env = Map.copyOf(env);
        env.forEach((k, v) -> require(!k.isEmpty() && k.indexOf('=') < 0 && k.indexOf('\0') < 0
                && v.indexOf('\0') < 0, "invalid environment variable '" + k + "'"));
        require(Objects.requireNonNull(cwd, "cwd").startsWith("/"), "cwd must be absolute: " + cwd);
        require(uid >= 0 && gid >= 0, "uid and gid must not be negative");
        require(Objects.requireNonNull(workDir, "workDir").isAbsolute(), "workDir must be absolute");
        require(Objects.requireNonNull(workMount, "workMount").startsWith("/") && !workMount.equals("/"),
                "workMount must be absolute and not /: " + workMount);
        require(HOSTNAME.matcher(Objects.requireNonNull(hostname, "hostname")).matches(),
                "invalid hostname: '" + hostname + "'");
        Objects.requireNonNull(limits, "limits");
        readOnlyBinds = Map.copyOf(readOnlyBinds);
        readOnlyBinds.forEach((to, from) -> require(to.startsWith("/") && from.isAbsolute(),
                "bind paths must be absolute: " + from + " -> " + to));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
