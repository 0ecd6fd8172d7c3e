package dev.errand.sandbox;

import java.io.InputStream;
import java.time.Duration;

/**
 * A running sandbox: its output pipes, its exit, and a kill that reaches every process in it.
 * Thread-safe: output may be read on two threads while a third waits or kills.
 */
public interface SandboxProcess {

    /** @return the host pid of the sandbox's outermost process */
    long pid();

    /** @return the sandbox's standard output; read it to its end or the program may block */
    InputStream stdout();

    /** @return the sandbox's standard error; read it to its end or the program may block */
    InputStream stderr();

    /**
     * Waits for the sandbox to exit.
     *
     * @return the exit code of the program: 0..255, or 128 + signal number when killed by a signal
     * @throws InterruptedException if the waiting thread is interrupted
     */
    int waitFor() throws InterruptedException;

    /** @return true while the sandbox has not exited */
    boolean isAlive();

    /**
     * Stops every process in the sandbox: SIGTERM to the whole process group, then, if anything
     * is still alive after {@code grace}, SIGKILL. Returns once the sandbox has exited or the
     * SIGKILL has been sent. Safe to call more than once and after exit.
     *
     * @param grace how long to wait between SIGTERM and SIGKILL; {@link Duration#ZERO} kills at once
     */
    void kill(Duration grace);
}
