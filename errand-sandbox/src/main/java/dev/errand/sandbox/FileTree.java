package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes the directory trees sandboxes leave behind: work directories, OCI bundles, unpacked and
 * built images. Symbolic links are deleted, never followed, so a link a sandbox planted cannot
 * lead the deletion out of the tree; directories the sandbox made read-only or unsearchable are
 * opened up first. Stateless and thread-safe.
 */
public final class FileTree {
    private FileTree() {}

    /**
     * Deletes {@code root} and everything below it. A missing root is fine, as is anything that
     * disappears meanwhile; a root that is a symbolic link is deleted as a link.
     *
     * @throws IOException when something in it cannot be deleted (what was deleted stays deleted)
     */
    public static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dir.toFile().setWritable(true, true);
                dir.toFile().setExecutable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
