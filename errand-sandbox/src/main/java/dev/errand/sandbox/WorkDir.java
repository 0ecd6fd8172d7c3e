package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a work directory usable by a sandbox that runs as {@link HostUser#SANDBOX_UID} (when the
 * server is root): hands the tree to that uid and checks that the uid can reach it. Stateless; two
 * threads preparing the same directory at once is harmless.
 */
final class WorkDir {
    private static final int UID = HostUser.SANDBOX_UID;

    private WorkDir() {}

    /**
     * @param dir the work directory, an existing absolute directory
     * @param dropsPrivileges true when the sandbox runs as {@link HostUser#SANDBOX_UID}
     * @throws IOException when {@code dir} is not a directory, cannot be handed over, or lies below a
     *     directory the sandbox user may not search (the message names it and the fix)
     */
    static void prepare(Path dir, boolean dropsPrivileges) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("work dir " + dir + " is not an existing directory");
        }
        if (!dropsPrivileges) {
            return;
        }
        // Only a tree that is not yet the sandbox user's is walked: later runs pay nothing, and no
        // sandbox can be writing to a tree it does not own while it is handed over.
        if (ownerOf(dir) != UID) {
            chownTree(dir);
        }
        for (Path p = dir.toRealPath().getParent(); p != null; p = p.getParent()) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            if (!a.permissions().contains(PosixFilePermission.OTHERS_EXECUTE) && ownerOf(p) != UID) {
                throw new IOException("work dir " + dir + " is not reachable by the sandbox user (uid " + UID
                        + "): " + p + " is " + PosixFilePermissions.toString(a.permissions())
                        + "; run 'chmod o+x " + p + "' or keep work dirs under a searchable directory"
                        + " such as /var/lib/errand");
            }
        }
    }

    private static int ownerOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** chown -R without following symlinks (lchown on the links themselves). */
    private static void chownTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                chown(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                chown(f);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chown(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", UID, LinkOption.NOFOLLOW_LINKS);
    }
}
