package dev.errand.sandbox.runc;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Hands host directories to container users (mapped host ids), never following symbolic links. Stateless. */
final class Ownership {
    private Ownership() {}

    /**
     * Makes {@code dir} and everything in it belong to {@code uid:gid}; a tree that already does at
     * its top is left alone (it was handed over before).
     *
     * @throws IOException when {@code dir} is not a directory or ownership cannot be changed
     */
    static void handOver(Path dir, long uid, long gid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("work dir " + dir + " is not an existing directory");
        }
        if ((Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) == (int) uid) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                chown(d, uid, gid);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                chown(f, uid, gid);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** lchown of one path. */
    static void chown(Path p, long uid, long gid) throws IOException {
        // unix:uid takes an int; ids above 2^31 wrap to the same 32-bit value the kernel reads
        Files.setAttribute(p, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
    }
}
