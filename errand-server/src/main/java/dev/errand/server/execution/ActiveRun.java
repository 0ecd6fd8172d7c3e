package dev.errand.server.execution;

import dev.errand.sandbox.ResourceUsage;
import dev.errand.server.driver.RunningExecution;
import java.time.Duration;

/**
 * The in-memory state of one execution this server is running: its driver handle once started,
 * and the first cause Errand recorded for ending it. A kill that arrives before the driver has
 * started it is remembered and applied as soon as the handle exists. Thread-safe.
 */
final class ActiveRun {
    private final Duration grace;
    private RunningExecution handle;
    private EndCause cause;
    private String killedBy;
    private long runningSince;
    private ResourceUsage usage = ResourceUsage.UNKNOWN;

    ActiveRun(Duration grace) {
        this.grace = grace;
    }

    /** Records the cause (the first one wins) and kills if started. */
    void end(EndCause why, String by) {
        RunningExecution h;
        synchronized (this) {
            if (cause == null) {
                cause = why;
                killedBy = by;
            }
            h = handle;
        }
        if (h != null) {
            Thread.ofVirtual().name("kill").start(() -> h.kill(why == EndCause.SHUTDOWN ? Duration.ofSeconds(1) : grace));
        }
    }

    /** Sets the handle; kills at once when an end was requested before start. */
    void started(RunningExecution h) {
        EndCause pending;
        synchronized (this) {
            handle = h;
            pending = cause;
        }
        if (pending != null) {
            h.kill(grace);
        }
    }

    /** Records when the command started running (epoch ms). */
    synchronized void running(long at) {
        runningSince = at;
    }

    /** @return when it started running (epoch ms), 0 if it never did */
    synchronized long runningSince() {
        return runningSince;
    }

    /** Records what it used. */
    synchronized void usage(ResourceUsage u) {
        usage = u;
    }

    /** @return what it used, as far as known */
    synchronized ResourceUsage usage() {
        return usage;
    }

    synchronized EndCause cause() {
        return cause;
    }

    synchronized String killedBy() {
        return killedBy;
    }
}
