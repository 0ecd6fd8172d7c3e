package dev.errand.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run in one sandbox. Validated on construction; launchers trust it.
 *
 * @param argv the program and its arguments as seen inside the sandbox, at least one element, none
 *     containing NUL (the server passes {@code ["/bin/sh", "-c", command]}); a bare name is looked
 *     up in the {@code PATH} of {@code env}, or {@code /bin:/usr/bin} when it has none
 * @param env the complete environment of the program; nothing of the host's leaks in (bubblewrap
 *     only adds {@code PWD=/work}). Names are non-empty without {@code =} or NUL; values have no NUL
 * @param workDir an absolute host directory, already created, mounted writable at
 *     {@link #SANDBOX_WORK_DIR} and used as the current directory
 * @param network true to share the host's network namespace, false for a private one with
 *     loopback only
 * @param hostname the hostname inside the sandbox: 1 to 63 letters, digits, {@code -} and {@code .},
 *     starting with a letter or digit
 * @param limits resource limits, {@link Limits#NONE} for none
 * @param rootfs an absolute host directory holding a root filesystem (such as one built with
 *     mmdebstrap) whose top-level directories are bound read-only as the sandbox's {@code /}, or null
 *     for the host's own {@code /usr} and {@code /etc} essentials
 * @param chdir the absolute directory inside the sandbox the program starts in, or null for
 *     {@link #SANDBOX_WORK_DIR}
 * @param uid the user id the program sees inside the sandbox (its user namespace), such as 0 for a
 *     fake root, or null to keep the host user's; it never changes the host user
 */
public record SandboxSpec(
        List<String> argv,
        Map<String, String> env,
        Path workDir,
        boolean network,
        String hostname,
        Limits limits,
        Path rootfs,
        String chdir,
        Integer uid) {

    /** A spec on the host's root filesystem, starting in the work dir, as the host user. */
    public SandboxSpec(List<String> argv, Map<String, String> env, Path workDir, boolean network, String hostname,
            Limits limits) {
        this(argv, env, workDir, network, hostname, limits, null, null, null);
    }

    /** Where {@link #workDir} appears inside the sandbox. */
    public static final String SANDBOX_WORK_DIR = "/work";

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a field breaks the rules above
     * @throws NullPointerException when a field, an argument or an environment entry is null
     */
    public SandboxSpec {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        argv = List.copyOf(argv);
        for (String arg : argv) {
            requireNoNul(arg, "an argument");
        }
        env = Map.copyOf(env);
        env.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: '" + name + "'");
            }
            requireNoNul(name, "an environment variable name");
            requireNoNul(value, "environment variable " + name);
        });
        Objects.requireNonNull(workDir, "workDir");
        if (!workDir.isAbsolute()) {
            throw new IllegalArgumentException("workDir must be absolute: " + workDir);
        }
        Objects.requireNonNull(hostname, "hostname");
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("invalid hostname: '" + hostname + "'");
        }
        Objects.requireNonNull(limits, "limits");
        if (rootfs != null && !rootfs.isAbsolute()) {
            throw new IllegalArgumentException("rootfs must be absolute: " + rootfs);
        }
        if (chdir != null && (!chdir.startsWith("/") || chdir.contains("\0") || chdir.contains("/../"))) {
            throw new IllegalArgumentException("chdir must be an absolute path without '..': " + chdir);
        }
        if (uid != null && (uid < 0 || uid > 65_535)) {
            throw new IllegalArgumentException("uid must be between 0 and 65535: " + uid);
        }
    }

    /** @return the directory the program starts in inside the sandbox */
    public String startDir() {
        return chdir == null ? SANDBOX_WORK_DIR : chdir;
    }

    private static void requireNoNul(String s, String what) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
    }
}
