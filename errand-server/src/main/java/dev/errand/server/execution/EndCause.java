package dev.errand.server.execution;

/** Why Errand (rather than the command itself) ended an execution. */
enum EndCause {
    /** A user asked to kill it: {@code STOPPED}. */
    KILLED,
    /** It ran past its timeout: {@code TIMED_OUT}. */
    TIMED_OUT,
    /** It used more CPU time than its limit, counted over all its processes: {@code FAILED}. */
    CPU_LIMIT,
    /** The server is shutting down: {@code STOPPED}. */
    SHUTDOWN
}
