package dev.errand.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The default launcher: each sandbox is a bubblewrap container with new user, pid, ipc, uts, cgroup
 * and mount namespaces (and a new network namespace with loopback only, unless the spec allows the
 * network), the host's {@code /usr} and an allow-list of {@code /etc} read-only, a private
 * {@code /proc} and {@code /dev}, private writable {@code /tmp} and {@code /dev/shm}, the work dir
 * writable at {@code /work} (nothing else is writable), no capabilities, {@code no_new_privs}, and
 * exactly the spec's environment. See {@link BwrapCommand} for the command line, {@link RootLayout}
 * for what of the host is visible, {@link Prlimit} for limits.
 *
 * <p>When the server runs as root, bubblewrap itself is started as uid/gid 65534 ({@code nobody})
 * with no capabilities, so nothing in a sandbox is ever root on the host; the work dir is handed to
 * that uid, and must lie below directories others may search. Otherwise sandboxes run as the
 * server's user. Either way this needs unprivileged user namespaces, which {@link #availability()}
 * checks by starting one sandbox.
 *
 * <p>Sandboxes are started from one long-lived thread of the launcher (see {@link Spawner}) with
 * {@code --die-with-parent}, so they are SIGKILLed when the JVM exits or when the launcher is
 * {@linkplain #close() closed}, and never outlive the server.
 *
 * <p>Thread-safe: one launcher serves every execution; the host check runs once and is cached
 * (a new launcher checks again).
 */
public final class BubblewrapLauncher implements SandboxLauncher, AutoCloseable {
    private final Path bwrap;
    private final Spawner spawner = new Spawner();
    private volatile BwrapHost host;
    private volatile StubCopy stub;
    private volatile Availability availability;

    /** Uses the {@code bwrap} found on the JVM's {@code PATH}, else {@code /usr/bin/bwrap}. */
    public BubblewrapLauncher() {
        this(Executables.find("bwrap").orElse(Path.of("/usr/bin/bwrap")));
    }

    /**
     * @param bwrap the bubblewrap executable; whether it exists and works is checked lazily. The
     *     launcher's copy of {@link ErrandStub} goes under {@code java.io.tmpdir}
     */
    public BubblewrapLauncher(Path bwrap) {
        this.bwrap = Objects.requireNonNull(bwrap, "bwrap");
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    /**
     * Checks, once, that bubblewrap is installed and can start a sandbox; later calls return the
     * cached answer.
     *
     * @return available with {@code bubblewrap VERSION} and the sandbox user, or not available with
     *     the reason and the command that fixes it
     */
    @Override
    public Availability availability() {
        Availability known = availability;
        if (known == null) {
            synchronized (this) {
                if (availability == null) {
                    availability = check();
                }
                known = availability;
            }
        }
        return known;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException when {@link #availability()} says no (with its detail), when the work dir
     *     cannot be prepared, when the host command cannot be executed, or after {@link #close()}
     */
    @Override
    public SandboxProcess start(SandboxSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Availability a = availability();
        if (!a.available()) {
            throw new IOException(a.detail());
        }
        return launch(host, spec);
    }

    /** Stops the launcher: later starts fail, and every sandbox it started is SIGKILLed. */
    @Override
    public void close() {
        spawner.close();
        StubCopy s = stub;
        if (s != null) {
            s.close();
        }
    }

    private Availability check() {
        try {
            host = BwrapHost.detect(bwrap);
            stub = StubCopy.install(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            return Availability.missing(e.getMessage());
        }
        return BwrapProbe.run(host, this);
    }

    /** Starts one sandbox without checking availability (the probe uses this). */
    SandboxProcess launch(BwrapHost host, SandboxSpec spec) throws IOException {
        WorkDir.prepare(spec.workDir(), host.dropsPrivileges());
        byte[] options = BwrapCommand.encode(BwrapCommand.options(host, stub.path(), spec));
        Cgroup cgroup = host.dropsPrivileges() ? Cgroup.create(spec.hostname(), spec.limits()).orElse(null) : null;
        ProcessBuilder pb = new ProcessBuilder(BwrapCommand.hostCommand(host, stub.path(), spec, cgroup))
                .directory(new File("/"));
        pb.environment().clear();
        Process process;
        try {
            process = spawner.start(pb);
        } catch (IOException | RuntimeException e) {
            if (cgroup != null) {
                cgroup.close();
            }
            throw e;
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(options);
        } catch (IOException e) {
            // The launch chain died before bubblewrap read its options; its stderr and exit code say why.
        }
        return new GroupProcess(process, new NamespaceSignals(process.toHandle()), cgroup);
    }
}
