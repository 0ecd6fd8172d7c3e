package dev.errand.server.driver.oci;

import dev.errand.protocol.LogStream;
import dev.errand.sandbox.LinePump;
import dev.errand.sandbox.ResourceUsage;
import dev.errand.sandbox.runc.Container;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.driver.RunningExecution;
import dev.errand.server.driver.SandboxDriver;
import dev.errand.server.driver.WorkDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One container as a {@link RunningExecution}: its two output pumps, and once it has exited and
 * its output is read, the removal of the container, its bundle and its work directory. The
 * removal (runc delete, unmount, deleting files) runs on its own virtual thread, so the
 * execution's final status does not wait for it; a removal cut short by a server stop is finished
 * by the next start, which discards sandboxes no execution claims. Thread-safe: one thread waits
 * while another kills.
 */
final class ContainerRun implements RunningExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerRun.class);
    private final Container container;
    private final Path workDir;
    private final Runnable onEnd;
    private final Thread out;
    private final Thread err;

    /**
     * Starts pumping the container's output into {@code sink}.
     *
     * @param workDir the execution's work directory, removed at the end
     * @param onEnd called once the container is gone
     */
    ContainerRun(Container container, OutputSink sink, Path workDir, Runnable onEnd) {
        this.container = container;
        this.workDir = workDir;
        this.onEnd = onEnd;
        this.out = LinePump.start(container.stdout(), LogStream.STDOUT, sink::line, SandboxDriver.MAX_LINE_BYTES);
        this.err = LinePump.start(container.stderr(), LogStream.STDERR, sink::line, SandboxDriver.MAX_LINE_BYTES);
    }

    @Override
    public int awaitExit() throws InterruptedException {
        int code = container.waitFor();
        // The output files are complete once the monitor has exited: the pumps reach their end.
        out.join();
        err.join();
        Thread.ofVirtual().name("remove-" + container.id()).start(this::remove);
        return code;
    }

    private void remove() {
        try {
            container.remove();
        } catch (IOException e) {
            LOG.warn("could not remove the container {}: {}", container.id(), e.getMessage());
        }
        WorkDirs.remove(workDir);
        onEnd.run();
    }

    @Override
    public void kill(Duration grace) {
        container.kill(grace);
    }

    @Override
    public ResourceUsage usage() {
        return container.usage();
    }
}
