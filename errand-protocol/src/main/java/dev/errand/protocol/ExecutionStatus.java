package dev.errand.protocol;

/**
 * The lifecycle of an execution (DESIGN.md §2):
 * {@code QUEUED → STARTING → RUNNING → {SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST}};
 * {@code QUEUED} may go straight to {@code STOPPED}; {@code STARTING} may go to any terminal
 * status. The allowed transitions are decided by the server's state machine, not here.
 */
public enum ExecutionStatus {
    /** Accepted and waiting for capacity or a lock. */
    QUEUED,
    /** Handed to a driver; the sandbox is being created. */
    STARTING,
    /** The command is running. */
    RUNNING,
    /** Exited with code 0. */
    SUCCEEDED,
    /** Exited with a non-zero code, or could not start. */
    FAILED,
    /** Killed on request. */
    STOPPED,
    /** Killed because it ran past its timeout. */
    TIMED_OUT,
    /** The server lost track of it (for example it restarted and the driver no longer had it). */
    LOST;

    /** @return true for the five statuses an execution never leaves */
    public boolean terminal() {
        return switch (this) {
            case QUEUED, STARTING, RUNNING -> false;
            case SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST -> true;
        };
    }
}
