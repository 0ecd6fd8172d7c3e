package dev.errand.sandbox.runc;

import dev.errand.sandbox.ResourceUsage;

import dev.errand.sandbox.SandboxProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A container started or re-attached to by a {@link RuncLauncher}. Its output is read from the
 * bundle's files ({@link Tail}), so it can be followed again after a server restart. When it has
 * exited, {@link #waitFor()} reads its usage from its cgroups; the caller then {@linkplain
 * #remove() removes} it (from runc, and its bundle) once the output has been read.
 *
 * <p>Thread-safe: output may be read on two threads while a third waits or kills.
 */
public final class Container implements SandboxProcess {
    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private final String id;
    private final Runc runc;
    private final Bundle bundle;
    private final Process monitorProcess;
    private final ProcessHandle monitor;
    private final Tail stdout;
    private final Tail stderr;
    private final Runnable onRemoved;
    private final Object killLock = new Object();
    private final Object removeLock = new Object();
    private volatile Integer exit;
    private volatile ContainerUsage usage;
    private boolean removed;

    /**
     * @param monitorProcess the monitor when this JVM started it, else null
     * @param monitor the monitor's handle, or null when it is gone (then the exit file must exist)
     * @param onRemoved called after each attempt to remove the container
     */
    Container(String id, Runc runc, Bundle bundle, Process monitorProcess, ProcessHandle monitor, Runnable onRemoved)
            throws IOException {
        this.id = id;
        this.runc = runc;
        this.bundle = bundle;
        this.monitorProcess = monitorProcess;
        this.monitor = monitor;
        this.onRemoved = onRemoved;
        this.stdout = new Tail(bundle.stdout(), this::monitorGone);
        this.stderr = new Tail(bundle.stderr(), this::monitorGone);
    }

    /** @return the container id */
    public String id() {
        return id;
    }

    /** @return the host pid of the container's monitor (not of the program) */
    @Override
    public long pid() {
        return monitor == null ? -1 : monitor.pid();
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    /**
     * Waits for the container to exit, then records its usage (from its cgroups, which runc keeps
     * until {@link #remove()}).
     *
     * @return the program's exit code, 128 + signal when it was killed by one, {@value
     *     Monitor#MOUNT_FAILED} when its root filesystem could not be mounted, or 255 when its
     *     monitor died without recording one (a note then ends stderr)
     */
    @Override
    public int waitFor() throws InterruptedException {
        Integer known = exit;
        if (known != null) {
            return known;
        }
        int code = monitorProcess != null ? monitorProcess.waitFor() : awaitRecordedExit();
        synchronized (this) {
            if (exit == null) {
                usage = runc.usage(id);
                exit = code;
            }
            return exit;
        }
    }

    @Override
    public boolean isAlive() {
        return !monitorGone();
    }

    /**
     * SIGTERM to every process of the container, then after {@code grace} SIGKILL to its init
     * (which ends its whole pid namespace), through {@code runc kill}. Returns once it has exited or
     * 10 s after the SIGKILL. Safe to call more than once, from several threads, after exit.
     */
    @Override
    public void kill(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (killLock) {
            try {
                // A kill right after start must not miss a container runc has not created yet.
                while (!runc.created(id) && !monitorGone()) {
                    Thread.sleep(1);
                }
                if (grace.isPositive() && !monitorGone()) {
                    runc.kill(id, "TERM", true);
                    awaitMonitor(grace);
                }
                if (!monitorGone()) {
                    runc.kill(id, "KILL", false);
                    awaitMonitor(EXIT_AFTER_KILL);
                }
            } catch (InterruptedException e) {
                runc.kill(id, "KILL", false);
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return what the container used, once {@link #waitFor()} has returned */
    public Optional<ContainerUsage> containerUsage() {
        return Optional.ofNullable(usage);
    }

    /** {@inheritDoc} Read from the container's cgroup when it ended; unknown while it runs. */
    @Override
    public ResourceUsage usage() {
        ContainerUsage u = usage;
        return u == null ? ResourceUsage.UNKNOWN : new ResourceUsage(u.cpuSeconds(),
                u.peakMemoryBytes() > 0 ? u.peakMemoryBytes() : null, u.outOfMemory() ? "memory" : null, "cgroup");
    }

    /**
     * Deletes the container from runc (its state and cgroups) and its bundle (unmounting the root
     * filesystem): call after the output was read to its end. Idempotent.
     *
     * @throws IOException when the root filesystem cannot be unmounted or the bundle deleted
     */
    public void remove() throws IOException {
        // Callers wait for a removal in progress: a server closing must not exit half-way through one.
        synchronized (removeLock) {
            if (removed) {
                return;
            }
            stdout.close();
            stderr.close();
            try {
                runc.delete(id);
                bundle.remove(runc.host());
                removed = true;
            } finally {
                onRemoved.run();
            }
        }
    }

    private boolean monitorGone() {
        if (monitorProcess != null) {
            return !monitorProcess.isAlive();
        }
        return bundle.exitCode().isPresent() || monitor == null || !monitor.isAlive();
    }

    private void awaitMonitor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!monitorGone() && System.nanoTime() < deadline) {
            if (monitorProcess != null) {
                monitorProcess.waitFor(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } else {
                Thread.sleep(POLL);
            }
        }
    }

    private int awaitRecordedExit() throws InterruptedException {
        while (!monitorGone()) {
            Thread.sleep(POLL);
        }
        Optional<Integer> code = bundle.exitCode();
        if (code.isEmpty()) {
            try {
                Files.writeString(bundle.stderr(), "errand: the container's monitor died without recording its exit code\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the 255 still says it
            }
        }
        return code.orElse(255);
    }

    @Override
    public String toString() {
        return "container " + id;
    }
}
