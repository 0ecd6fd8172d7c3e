package dev.errand.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sandbox to start ahead of its work (see {@link StandbyLauncher}): its root filesystem, its
 * first program, which usually blocks reading its stdin until told what to run, and the size of
 * its private scratch file systems. Holds no secret: the whole spec may appear in the host's
 * process list. Validated on construction.
 *
 * @param imageRoot a root filesystem directory on the host whose {@code usr}, {@code etc} and
 *     top-level {@code bin}/{@code lib*}/{@code sbin} links become the sandbox's (read-only); empty
 *     for the host's own {@code /usr} and {@code /etc} allow-list, as {@link BubblewrapLauncher} uses
 * @param argv the first program and its arguments inside the sandbox; at least one element, no NUL
 * @param env the program's complete environment; names non-empty without {@code =} or NUL
 * @param network true to share the host's network namespace, false for loopback only
 * @param hostname the hostname inside: 1 to 63 letters, digits, {@code -} and {@code .}
 * @param scratchBytes the size in bytes of each private tmpfs ({@code /work}, {@code /tmp},
 *     {@code /dev/shm}), at least 1 MiB; enforced on bubblewrap 0.8+
 * @param extraPaths absolute paths outside {@code /usr} that the program also needs to read (such as
 *     {@code /etc/mono} or {@code /var/lib/ghc}), bound read-only at the same place from the image
 *     root (or the host); a missing one is skipped. Must not contain {@code ..}
 */
public record StandbySpec(Optional<Path> imageRoot, List<String> argv, Map<String, String> env, boolean network,
        String hostname, long scratchBytes, List<Path> extraPaths) {
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a field breaks the rules above
     * @throws NullPointerException when a field is null
     */
    public StandbySpec {
        Objects.requireNonNull(imageRoot, "imageRoot");
        imageRoot.ifPresent(root -> {
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("imageRoot must be absolute: " + root);
            }
        });
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        env = Map.copyOf(env);
        // Reuse SandboxSpec's checks of argv and env rather than repeating them.
        new SandboxSpec(argv, env, Path.of("/"), network, "errand", Limits.NONE);
        if (!HOSTNAME.matcher(Objects.requireNonNull(hostname, "hostname")).matches()) {
            throw new IllegalArgumentException("invalid hostname: '" + hostname + "'");
        }
        if (scratchBytes < 1024 * 1024) {
            throw new IllegalArgumentException("scratchBytes must be at least 1 MiB, got " + scratchBytes);
        }
        extraPaths = List.copyOf(extraPaths);
        for (Path p : extraPaths) {
            if (!p.isAbsolute() || !p.normalize().equals(p) || p.toString().contains("..")) {
                throw new IllegalArgumentException("extra paths must be absolute and normal: " + p);
            }
        }
    }
}
