package dev.errand.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts bubblewrap sandboxes <em>ahead</em> of their work: each gets its namespaces, its read-only
 * root, private {@code /work}, {@code /tmp} and {@code /dev/shm} tmpfs, and a first program whose
 * stdin is a pipe (a {@link StandbySandbox}). A warm pool keeps a few started, blocked reading that
 * pipe, and hands each one to exactly one run, so a run skips the sandbox set-up but never sees
 * another run's state. Isolation and privileges are as for {@link BubblewrapLauncher} (uid 65534
 * when the server is root, no capabilities, {@code no_new_privs}, {@code --die-with-parent});
 * resource limits are left to the program, which applies them with {@code prlimit} once it knows
 * what to run. See {@link StandbyCommand} for the command line.
 *
 * <p>Every sandbox has {@link ErrandStub} at {@link ErrandStub#IN_SANDBOX}; a root server drops
 * to uid 65534 with it, not with {@code setpriv}. The launcher installs it in an
 * {@link InstanceDir} of its own on first use.
 *
 * <p>Thread-safe. Processes are started from this launcher's own long-lived thread (see
 * {@link Spawner}); {@link #close()} SIGKILLs every sandbox it started and removes its directory.
 */
public final class StandbyLauncher implements AutoCloseable {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private final Path bwrap;
    private final Path parent;
    private final Spawner spawner = new Spawner();
    private volatile BwrapHost host;
    private volatile StubCopy stub;
    private volatile Availability availability;

    /**
     * Uses the {@code bwrap} found on the JVM's {@code PATH}, else {@code /usr/bin/bwrap}, and keeps
     * its files under {@code java.io.tmpdir}.
     */
    public StandbyLauncher() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Uses the {@code bwrap} found on the JVM's {@code PATH}, else {@code /usr/bin/bwrap}.
     *
     * @param parent as {@link #StandbyLauncher(Path, Path)}
     */
    public StandbyLauncher(Path parent) {
        this(Executables.find("bwrap").orElse(Path.of("/usr/bin/bwrap")), parent);
    }

    /**
     * @param bwrap the bubblewrap executable; checked lazily
     * @param parent where the launcher makes its {@link InstanceDir} for the stub: a directory the
     *     sandbox user (uid 65534 under a root server) can search, on a file system that allows
     *     executing programs
     */
    public StandbyLauncher(Path bwrap, Path parent) {
        this.bwrap = Objects.requireNonNull(bwrap, "bwrap");
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    /**
     * Checks once, by starting one sandbox that runs {@code true}, that bubblewrap works here.
     *
     * @return available with the bubblewrap version, or not with the reason
     */
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
     * Starts a sandbox. Returns once its host process exists; set-up inside continues
     * concurrently, and the program then runs (typically blocking on its stdin).
     *
     * @param spec what to start
     * @return the sandbox
     * @throws IOException when bubblewrap is not available here (the message says why), the image
     *     root is unusable, or the launcher is closed
     */
    public StandbySandbox start(StandbySpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Availability a = availability();
        if (!a.available()) {
            throw new IOException(a.detail());
        }
        return launch(spec);
    }

    /** @return true when sandboxes run as uid 65534 because the server is root (after a successful check) */
    public boolean dropsPrivileges() {
        BwrapHost h = host;
        return h != null && h.dropsPrivileges();
    }

    /** Later starts fail, every sandbox this launcher started is SIGKILLed, and its directory goes. */
    @Override
    public void close() {
        spawner.close();
        StubCopy s = stub;
        if (s != null) {
            s.close();
        }
    }

    private StandbySandbox launch(StandbySpec spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(StandbyCommand.hostCommand(host, stub.path(), spec)).directory(new File("/"));
        pb.environment().clear();
        return new StandbySandbox(spawner.start(pb));
    }

    private Availability check() {
        try {
            host = BwrapHost.detect(bwrap);
            stub = StubCopy.install(parent);
            StandbySandbox probe = launch(new StandbySpec(Optional.empty(), List.of("true"),
                    Map.of("PATH", "/usr/bin:/bin"), false, "errand-probe", 1024 * 1024, Map.of()));
            probe.stdin().close();
            CompletableFuture.delayedExecutor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> probe.kill(Duration.ZERO));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(probe.stderr()),
                    task -> Thread.ofVirtual().start(task));
            readAll(probe.stdout());
            int exit = probe.waitFor();
            if (exit == 0) {
                return Availability.ok("bubblewrap " + host.version());
            }
            return Availability.missing("bubblewrap cannot start a sandbox (exit " + exit + "): "
                    + new String(err.join(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Availability.missing(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.missing("interrupted while checking bubblewrap");
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the probe's exit code tells what matters
        }
        return out.toByteArray();
    }
}
