package dev.errand.sandbox;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starts host processes from one long-lived platform thread. bubblewrap's {@code --die-with-parent}
 * rests on {@code PR_SET_PDEATHSIG}, which fires when the <em>thread</em> that forked bubblewrap
 * exits, not when the JVM does: a sandbox started from a virtual thread's carrier or a pooled thread
 * would be SIGKILLed whenever that thread retired. This thread lives until {@link #close()}, so a
 * sandbox dies with the JVM or with its launcher, and at no other time. Thread-safe.
 */
final class Spawner implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("errand-sandbox-spawner").daemon().unstarted(task));

    /**
     * Starts {@code pb} on the spawner thread and waits for it. An interrupt does not abandon a
     * process half-started: the call still returns it, with the interrupt flag set again.
     *
     * @return the started process
     * @throws IOException when the process cannot be started, or the spawner is closed
     */
    Process start(ProcessBuilder pb) throws IOException {
        Future<Process> started;
        try {
            started = thread.submit(pb::start);
        } catch (RejectedExecutionException e) {
            throw new IOException("the sandbox launcher is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException("cannot start " + pb.command().getFirst(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the spawner thread; on its exit the kernel SIGKILLs the sandboxes it started. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
