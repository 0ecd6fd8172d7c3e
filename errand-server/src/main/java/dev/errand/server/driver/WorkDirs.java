package dev.errand.server.driver;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes per-execution directories (work dirs, unpacked images) without following symbolic links
 * out of them. Stateless and thread-safe.
 */
public final class WorkDirs {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);

    private WorkDirs() {}

    /**
     * Deletes {@code dir} and everything in it; a missing directory is fine. Failures are logged.
     *
     * @return true when nothing is left
     */
    public static boolean remove(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    d.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
            return false;
        }
        return true;
    }
}
