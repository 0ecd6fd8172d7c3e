package dev.errand.sandbox;

import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SandboxProcess} of both launchers: a {@link Process} plus the {@link ProcessSignals}
 * that reach all of its processes. When the program's outermost process exits, whatever it left
 * running is killed too, so a sandbox never outlives its program and its pipes always reach EOF.
 * Thread-safe: kills are serialised; waiting and reading need no lock.
 */
final class GroupProcess implements SandboxProcess {
    /** How long {@link #kill} waits for the exit after SIGKILL before returning anyway. */
    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);

    private final Process process;
    private final ProcessSignals signals;
    private final UsageSource usage;
    private final Object killLock = new Object();

    /**
     * @param process the started host process (bubblewrap, or the setsid'd program)
     * @param signals how to reach every process behind it
     */
    GroupProcess(Process process, ProcessSignals signals) {
        this(process, signals, null);
    }

    /**
     * @param usage where usage comes from (the sandbox's cgroup), or null to sample /proc
     */
    GroupProcess(Process process, ProcessSignals signals, UsageSource usage) {
        this.process = process;
        this.signals = signals;
        this.usage = usage != null ? usage : new ProcSampler(process.pid());
        process.onExit().thenRunAsync(() -> {
            signals.kill();
            this.usage.close();
        }, task -> Thread.ofVirtual().start(task));
    }

    @Override
    public ResourceUsage usage() {
        return usage.usage();
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
        // Process already reports a death by signal N as 128 + N, as bubblewrap does for the program.
        return process.waitFor();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void kill(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (killLock) {
            try {
                if (grace.isPositive() && process.isAlive()) {
                    signals.terminate();
                    process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
                }
                signals.kill();
                process.waitFor(EXIT_AFTER_KILL.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                signals.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "sandbox process " + process.pid();
    }
}
