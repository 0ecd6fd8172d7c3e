package dev.errand.server.driver;

import dev.errand.protocol.HealthView;
import dev.errand.sandbox.Availability;
import dev.errand.sandbox.LinePump;
import dev.errand.sandbox.SandboxLauncher;
import dev.errand.sandbox.SandboxProcess;
import dev.errand.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver that runs each execution as a sandboxed process on this host: {@code local} over
 * bubblewrap, or {@code process} (no isolation, for hosts without bubblewrap, only with
 * {@code --insecure}). Each execution gets a fresh work directory under {@code workRoot},
 * removed when it ends. Sandboxes die with the server ({@code --die-with-parent}), so after a
 * restart nothing can be re-attached. Thread-safe.
 */
public final class SandboxDriver implements ExecutionDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxDriver.class);
    /** Longest line stored as one; longer output is split into several lines. */
    public static final int MAX_LINE_BYTES = 16 * 1024;
    /** How long output may keep flowing after the command exited before leftovers are killed. */
    private static final Duration PIPE_DRAIN = Duration.ofSeconds(2);
    private final String name;
    private final SandboxLauncher launcher;
    private final Path workRoot;
    private final boolean insecure;

    /**
     * @param name the driver name ({@code local} or {@code process})
     * @param launcher the launcher that creates sandboxes
     * @param workRoot the directory under which per-execution work directories are made
     * @param insecure true when the launcher isolates nothing; every start logs a warning
     */
    public SandboxDriver(String name, SandboxLauncher launcher, Path workRoot, boolean insecure) {
        this.name = name;
        this.launcher = launcher;
        this.workRoot = workRoot;
        this.insecure = insecure;
        removeStaleWorkDirs();
    }

    /** Work directories left by a previous server process belong to sandboxes that died with it. */
    private void removeStaleWorkDirs() {
        try (var children = Files.list(workRoot)) {
            children.forEach(WorkDirs::remove);
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", workRoot, e.toString());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HealthView.Component health() {
        Availability a = launcher.availability();
        String detail = insecure ? "INSECURE: no isolation (" + a.detail() + ")" : a.detail();
        return new HealthView.Component(name, a.available(), detail);
    }

    @Override
    public RunningExecution start(ExecutionSpec spec, OutputSink sink) throws IOException {
        if (insecure) {
            LOG.warn("execution {} runs WITHOUT a sandbox (driver 'process', --insecure): it can read and change"
                    + " everything the server's user can", spec.executionId());
        }
        Path workDir = Files.createDirectories(workRoot.resolve(spec.executionId()));
        SandboxSpec sandbox = new SandboxSpec(List.of("/bin/sh", "-c", spec.command()), spec.env(), workDir,
                spec.network(), "errand-" + spec.executionId().substring(spec.executionId().length() - 8),
                spec.limits(), spec.rootfs(), spec.chdir(), spec.uid());
        SandboxProcess process;
        try {
            if (spec.prepare() != null) {
                spec.prepare().prepare(workDir, sink);
            }
            process = launcher.start(sandbox);
        } catch (IOException | RuntimeException e) {
            WorkDirs.remove(workDir);
            throw e;
        }
        Thread out = LinePump.start(process.stdout(), dev.errand.protocol.LogStream.STDOUT, sink::line, MAX_LINE_BYTES);
        Thread err = LinePump.start(process.stderr(), dev.errand.protocol.LogStream.STDERR, sink::line, MAX_LINE_BYTES);
        return new Running(process, out, err, workDir);
    }

    @Override
    public Optional<RunningExecution> attach(String executionId, Delivered delivered, OutputSink sink) {
        return Optional.empty();
    }

    @Override
    public String lostReason() {
        return "the server stopped while it ran, and " + name + " sandboxes end with the server";
    }

    @Override
    public void close() {
        if (launcher instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the {} launcher failed: {}", name, e.toString());
            }
        }
    }

    /** One sandboxed process and its two output pumps. */
    private record Running(SandboxProcess process, Thread out, Thread err, Path workDir) implements RunningExecution {
        @Override
        public int awaitExit() throws InterruptedException {
            try {
                int code = process.waitFor();
                // Read what the command wrote before it exited; only if something left behind (a
                // daemonised child) keeps the pipes open is the rest of the group killed.
                if (!out.join(PIPE_DRAIN) || !err.join(PIPE_DRAIN)) {
                    process.kill(Duration.ZERO);
                    out.join();
                    err.join();
                }
                return code;
            } finally {
                WorkDirs.remove(workDir);
            }
        }

        @Override
        public void kill(Duration grace) {
            process.kill(grace);
        }

        @Override
        public dev.errand.sandbox.ResourceUsage usage() {
            return process.usage();
        }
    }
}
