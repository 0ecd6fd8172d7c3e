package dev.errand.server.driver;

import dev.errand.sandbox.FileTree;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes per-execution directories (work dirs, unpacked images) without following symbolic links
 * out of them ({@link FileTree#delete}), for callers that log a failure and go on. Stateless and
 * thread-safe.
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
        try {
            FileTree.delete(dir);
            return true;
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
            return false;
        }
    }
}
