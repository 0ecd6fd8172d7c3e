package dev.errand.server.driver;

import java.io.IOException;
import java.nio.file.Path;

/** Fills an execution's fresh work directory on the host before its command starts. */
@FunctionalInterface
public interface WorkDirPreparation {
    /**
     * @param workDir the empty work directory (it appears as {@code /work} inside the sandbox)
     * @param sink where to report progress, as {@code SYSTEM} lines
     * @throws IOException when preparing fails; the message becomes the execution's reason and is
     *     logged, so it must not contain secrets
     */
    void prepare(Path workDir, OutputSink sink) throws IOException;
}
