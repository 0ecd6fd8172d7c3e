package dev.errand.server.driver;

import dev.errand.sandbox.ResourceUsage;
import java.time.Duration;

/** A started execution inside a driver. Thread-safe: one thread waits while another kills. */
public interface RunningExecution {

    /**
     * Waits until the command has exited and every output line has been handed to the sink.
     *
     * @return the exit code: 0..255, or 128 + signal number when killed by a signal
     * @throws InterruptedException if the waiting thread is interrupted
     */
    int awaitExit() throws InterruptedException;

    /**
     * Stops the execution: SIGTERM to everything in it, SIGKILL after {@code grace}. Idempotent.
     *
     * @param grace time between SIGTERM and SIGKILL
     */
    void kill(Duration grace);

    /** @return what the execution used so far, or in total after {@link #awaitExit}; unknown by default */
    default ResourceUsage usage() {
        return ResourceUsage.UNKNOWN;
    }
}
