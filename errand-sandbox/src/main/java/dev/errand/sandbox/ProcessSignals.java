package dev.errand.sandbox;

/**
 * How {@link GroupProcess} reaches every process of one sandbox. Implementations must be safe to
 * call from several threads, more than once, and after the sandbox has exited (then they do
 * nothing, and never signal a process that merely reuses a dead one's pid).
 */
interface ProcessSignals {

    /** Sends SIGTERM to every process of the program, so it may clean up. */
    void terminate();

    /** Sends SIGKILL to every process of the sandbox. */
    void kill();
}
