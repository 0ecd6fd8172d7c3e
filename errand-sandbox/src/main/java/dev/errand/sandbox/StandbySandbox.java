package dev.errand.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox started by {@link StandbyLauncher}: a {@link SandboxProcess} whose program's standard
 * input is a pipe the caller writes to. Everything else is as for {@link SandboxProcess}: the whole
 * sandbox dies when its first program exits (bubblewrap's init is the pid namespace's init, so
 * the kernel kills what is left with it; nothing needs to scan for leftovers, which would cost
 * milliseconds of CPU per run), and {@link #kill} reaches every process in it. Thread-safe, with
 * one writer of {@link #stdin()} at a time.
 */
public final class StandbySandbox implements SandboxProcess {
    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);
    private final Process process;
    private final NamespaceSignals signals;
    private final Object killLock = new Object();

    StandbySandbox(Process process) {
        this.process = process;
        this.signals = new NamespaceSignals(process.toHandle());
    }

    /**
     * Sends SIGTERM to the sandbox's first program only, not to what it started. A program that
     * traps it can stop its own work in an orderly way (the code stub kills what it runs, then
     * reports).
     *
     * @return true when the first program was found and signalled
     */
    public boolean terminateFirst() {
        return process.toHandle().children()
                .flatMap(init -> init.children().min(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MAX))).stream())
                .map(ProcessHandle::destroy)
                .reduce(false, Boolean::logicalOr);
    }

    /** @return the program's standard input; close it to send EOF */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void kill(Duration grace) {
        synchronized (killLock) {
            try {
                if (grace.isPositive() && process.isAlive()) {
                    signals.terminate();
                    process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (process.isAlive()) {
                    signals.kill();
                    process.waitFor(EXIT_AFTER_KILL.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                signals.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "standby sandbox " + process.pid();
    }
}
