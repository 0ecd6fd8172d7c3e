package dev.errand.sandbox;

import java.io.InputStream;
import java.time.Duration;

/**
 * A running sandbox: its output pipes, its exit, and a kill that reaches every process in it.
 * The program's stdin is empty ({@code /dev/null}). When the program's outermost process exits,
 * whatever it left running in the sandbox is killed, so both pipes then reach EOF.
 * Thread-safe: output may be read on two threads while a third waits or kills.
 */
public interface SandboxProcess {

    /** @return the host pid of the sandbox's outermost process (bubblewrap, or the program itself) */
    long pid();

    /** @return the sandbox's standard output; read it to its end or the program may block */
    InputStream stdout();

    /** @return the sandbox's standard error; read it to its end or the program may block */
    InputStream stderr();

    /**
     * Waits for the sandbox to exit.
     *
     * @return the exit code of the program: 0..255, or 128 + signal number when killed by a signal
     *     (143 after SIGTERM, 137 after SIGKILL)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    int waitFor() throws InterruptedException;

    /**
     * @return what the sandbox has used so far, or in total once {@link #waitFor} returned and its
     *     processes are gone; fields are null when this host cannot measure them
     */
    default ResourceUsage usage() {
        return ResourceUsage.UNKNOWN;
    }

    /** @return true while the sandbox has not exited */
    boolean isAlive();

    /**
     * Stops every process in the sandbox: SIGTERM to all of the program's processes, then, if the
     * sandbox is still alive after {@code grace}, SIGKILL to all of them. Returns once the sandbox
     * has exited, or at the latest 10 seconds after the SIGKILL. Safe to call more than once, from
     * several threads, and after exit. If the calling thread is interrupted, SIGKILL is sent at once.
     *
     * @param grace how long to wait between SIGTERM and SIGKILL; {@link Duration#ZERO} (or a
     *     negative duration) kills at once
     */
    void kill(Duration grace);
}
