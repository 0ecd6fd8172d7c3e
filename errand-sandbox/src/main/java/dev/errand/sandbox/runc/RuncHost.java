package dev.errand.sandbox.runc;

import dev.errand.sandbox.Executables;
import dev.errand.sandbox.FileTree;
import dev.errand.sandbox.HostCommand;
import dev.errand.sandbox.HostUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the runc launcher needs to know about this host, detected once: the programs it runs, the
 * runc version, the cgroup layout, and whether overlayfs works (else each container gets a copy of
 * its image).
 *
 * @param runc the runc executable
 * @param version runc's version, such as {@code 1.1.5}
 * @param setsid util-linux {@code setsid}, so a container's monitor outlives the server
 * @param sh a POSIX shell, which runs the monitor script
 * @param mount util-linux {@code mount}
 * @param umount util-linux {@code umount}
 * @param cp coreutils {@code cp}, for copies where overlayfs is unavailable
 * @param cgroups the cgroup layout
 * @param overlay true when an overlayfs mount works here
 */
record RuncHost(Path runc, String version, Path setsid, Path sh, Path mount, Path umount, Path cp,
        CgroupLayout cgroups, boolean overlay) {

    /** The exact message for a host without runc. */
    static final String NOT_INSTALLED = "runc is not installed: run 'sudo apt-get install -y runc'"
            + " (Debian/Ubuntu) or 'sudo dnf install -y runc'";
    private static final Duration QUICK = Duration.ofSeconds(10);

    /**
     * Inspects this host.
     *
     * @param scratch an existing directory where a test overlay may be mounted and removed
     * @return the facts
     * @throws IOException saying what is missing and how to fix it: not root, runc or a util-linux
     *     program missing, or an unsupported cgroup layout
     */
    static RuncHost detect(Path scratch) throws IOException {
        if (!HostUser.isRoot()) {
            throw new IOException("the oci driver needs the server to run as root: it starts runc with a user"
                    + " namespace per container (rootless runc cannot apply limits on most hosts)");
        }
        Path runc = Executables.find("runc").orElseThrow(() -> new IOException(NOT_INSTALLED));
        String version = version(HostCommand.check(List.of(runc.toString(), "--version"), QUICK));
        CgroupLayout cgroups = CgroupLayout.detect(Path.of("/sys/fs/cgroup"));
        Path mount = Executables.require("mount", "mount");
        Path umount = Executables.require("umount", "mount");
        return new RuncHost(runc, version, Executables.require("setsid", "util-linux"),
                Executables.require("sh", "dash"), mount, umount, Executables.require("cp", "coreutils"),
                cgroups, overlayWorks(scratch, mount, umount));
    }

    /** @return these facts with overlayfs treated as unavailable: containers get copies of their image */
    RuncHost withoutOverlay() {
        return new RuncHost(runc, version, setsid, sh, mount, umount, cp, cgroups, false);
    }

    /** @return the first line's version number of {@code runc --version} output */
    static String version(String output) {
        String first = output.lines().findFirst().orElse("");
        return first.startsWith("runc version ") ? first.substring("runc version ".length()).strip() : first.strip();
    }

    /** Mounts and unmounts a tiny overlay: the kernel may lack overlayfs, or forbid it here. */
    private static boolean overlayWorks(Path scratch, Path mount, Path umount) {
        Path dir = scratch.resolve("overlay-check");
        try {
            FileTree.delete(dir);
            for (String d : List.of("lower", "upper", "work", "merged")) {
                Files.createDirectories(dir.resolve(d));
            }
            HostCommand r = HostCommand.run(List.of(mount.toString(), "-t", "overlay", "overlay", "-o",
                    Bundle.overlayOptions(dir.resolve("lower"), dir.resolve("upper"), dir.resolve("work")),
                    dir.resolve("merged").toString()), QUICK);
            if (r.exit() != 0) {
                return false;
            }
            HostCommand.run(List.of(umount.toString(), dir.resolve("merged").toString()), QUICK);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } finally {
            try {
                FileTree.delete(dir);
            } catch (IOException e) {
                // a leftover check directory is harmless; the next check deletes it first
            }
        }
    }
}
