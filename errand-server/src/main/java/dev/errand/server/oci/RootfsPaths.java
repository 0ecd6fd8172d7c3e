package dev.errand.server.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Looks paths up inside an unpacked image as the container will see them: symbolic links are
 * followed within the image root (an absolute target starts again at the image root, {@code ..}
 * stops at it), never out to the host. Stateless and thread-safe.
 */
public final class RootfsPaths {
    private static final int MAX_LINKS = 40;
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private RootfsPaths() {}

    /**
     * @param rootfs the image root on the host
     * @param path an absolute path inside the image
     * @return the host path it names, with every link resolved; empty when it does not exist or
     *     loops
     */
    public static Optional<Path> resolve(Path rootfs, String path) {
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        Path current = rootfs;
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String part = todo.pop();
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    current = current.equals(rootfs) ? rootfs : current.getParent();
                    continue;
                }
                Path next = current.resolve(part);
                if (Files.isSymbolicLink(next)) {
                    if (++links > MAX_LINKS) {
                        return Optional.empty();
                    }
                    String target = Files.readSymbolicLink(next).toString();
                    List<String> parts = List.of(target.split("/"));
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        todo.push(parts.get(i));
                    }
                    if (target.startsWith("/")) {
                        current = rootfs;
                    }
                } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    current = next;
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /**
     * Finds a program as {@code execve} in the container would: a name with {@code /} relative to
     * {@code cwd}, a bare name along {@code PATH} (or the default search path).
     *
     * @param searchPath the container's {@code PATH}, or null
     * @return the program's host path when it is an executable regular file in the image
     */
    public static Optional<Path> program(Path rootfs, String name, String cwd, String searchPath) {
        if (name.contains("/")) {
            return resolve(rootfs, name.startsWith("/") ? name : cwd + "/" + name).filter(RootfsPaths::executable);
        }
        for (String dir : (searchPath == null ? DEFAULT_PATH : searchPath).split(":")) {
            Optional<Path> found = resolve(rootfs, (dir.isEmpty() ? cwd : dir) + "/" + name).filter(RootfsPaths::executable);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0111) != 0;
        } catch (IOException e) {
            return false;
        }
    }
}
