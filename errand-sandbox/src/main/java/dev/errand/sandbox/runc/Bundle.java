package dev.errand.sandbox.runc;

import dev.errand.sandbox.FileTree;
import dev.errand.sandbox.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One container's OCI bundle directory, {@code <bundles>/<id>/}:
 *
 * <pre>
 * config.json       the OCI runtime config
 * rootfs/           the container's root: overlayfs of the image (lower, read-only) and layer/
 *                   (upper), or a private copy of the image where overlayfs is unavailable
 * layer/ layer-work/  overlayfs's upper and work directories: all the container wrote
 * hosts hostname    bound read-only at /etc/hosts and /etc/hostname
 * stdout stderr     the program's output, written by runc through the monitor
 * exit              the exit code, written by the monitor when runc returned
 * monitor.pid       the monitor's host pid
 * </pre>
 *
 * The directory is 0711: container root (an unprivileged host uid) must be able to pass through it
 * to its root filesystem while runc sets the container up, but not list it. Not thread-safe; the
 * launcher serialises work on one bundle.
 */
final class Bundle {
    private static final Duration UMOUNT_TIMEOUT = Duration.ofSeconds(30);
    final Path dir;

    Bundle(Path dir) {
        this.dir = dir;
    }

    /** Creates the empty bundle directory; fails when it exists. */
    static Bundle create(Path bundles, String id) throws IOException {
        Path dir = bundles.resolve(id);
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return new Bundle(dir);
    }

    Path config() {
        return dir.resolve("config.json");
    }

    Path rootfs() {
        return dir.resolve("rootfs");
    }

    Path layer() {
        return dir.resolve("layer");
    }

    Path layerWork() {
        return dir.resolve("layer-work");
    }

    Path stdout() {
        return dir.resolve("stdout");
    }

    Path stderr() {
        return dir.resolve("stderr");
    }

    Path exitFile() {
        return dir.resolve("exit");
    }

    Path monitorPid() {
        return dir.resolve("monitor.pid");
    }

    /** @return the exit code the monitor wrote, empty while it has not (or not completely) */
    Optional<Integer> exitCode() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(exitFile()).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Unmounts the root filesystem if it is mounted, then deletes the bundle. A root filesystem
     * that cannot be unmounted is left alone (never deleted through the mount) and reported.
     *
     * @throws IOException when the root filesystem stays mounted or the tree cannot be deleted
     */
    void remove(RuncHost host) throws IOException {
        if (isMountPoint(rootfs())) {
            HostCommand r = HostCommand.run(List.of(host.umount().toString(), rootfs().toString()), UMOUNT_TIMEOUT);
            if (r.exit() != 0 && isMountPoint(rootfs())) {
                throw new IOException("cannot unmount " + rootfs() + ": " + r.output());
            }
        }
        FileTree.delete(dir);
    }

    /** @return true when {@code p} is on another file system than its parent (an overlay mount) */
    static boolean isMountPoint(Path p) throws IOException {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Object dev = Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        return !dev.equals(Files.getAttribute(p.getParent(), "unix:dev", LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * @return the {@code -o} argument of an overlay mount of these directories
     * @throws IllegalArgumentException when a path holds a character overlayfs options cannot carry
     */
    static String overlayOptions(Path lower, Path upper, Path work) {
        for (Path p : List.of(lower, upper, work)) {
            String s = p.toString();
            if (s.contains(",") || s.contains(":") || s.contains("\\")) {
                throw new IllegalArgumentException("overlayfs cannot take the path " + s + " (',' ':' or '\\')");
            }
        }
        // private: the container's root must not propagate into other mount namespaces
        return "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work + ",private";
    }
}
