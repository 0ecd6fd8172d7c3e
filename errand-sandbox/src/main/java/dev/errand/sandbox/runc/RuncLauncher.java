package dev.errand.sandbox.runc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.sandbox.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs containers with runc (as root) from unpacked OCI images. Each container gets an OCI
 * {@link Bundle}: the image's root filesystem as the read-only lower layer of an overlayfs with a
 * private writable layer (or a private copy where overlayfs is unavailable), the {@link
 * BundleConfig} (user namespace with {@link IdMapping}, cgroup limits, seccomp), and a {@link
 * Monitor} that runs {@code runc run} in its own session. Containers outlive the JVM: after a
 * restart, {@link #list()} names the bundles left behind and {@link #attach} follows one again.
 *
 * <p>Layout under {@code root} (0711): {@code bundles/<id>/} (0711, see {@link Bundle}) and
 * {@code runc/} (runc's state, 0700).
 *
 * <p>Thread-safe: one launcher serves every execution; the host check runs once and is cached.
 */
public final class RuncLauncher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);
    private final Path root;
    private final IdMapping ids;
    private final boolean overlayAllowed;
    private final Map<String, Container> live = new ConcurrentHashMap<>();
    private volatile Runc runc;
    private volatile Availability availability;

    /**
     * @param root the launcher's directory (created if missing); its parents must be searchable by
     *     others, because container root must pass through to the root filesystem
     * @param ids how container ids map to host ids; images must be unpacked with the same mapping
     */
    public RuncLauncher(Path root, IdMapping ids) {
        this(root, ids, true);
    }

    /** As the public constructor; with {@code overlayAllowed} false containers get copies even where overlayfs works. */
    RuncLauncher(Path root, IdMapping ids, boolean overlayAllowed) {
        this.root = Objects.requireNonNull(root, "root");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.overlayAllowed = overlayAllowed;
    }

    /** @return the id mapping containers run with */
    public IdMapping idMapping() {
        return ids;
    }

    /**
     * Checks, once, that runc can run a container here (root, runc, cgroups, user namespaces,
     * overlayfs or a copy) by starting a small probe container from the host's {@code /usr}.
     *
     * @return available with a description (runc version, cgroup layout, overlayfs or copies), or
     *     not available with the reason and how to fix it
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

    private Availability check() {
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            Files.createDirectories(bundles());
            Files.setPosixFilePermissions(bundles(), PosixFilePermissions.fromString("rwx--x--x"));
            Files.createDirectories(root.resolve("runc"));
            Files.setPosixFilePermissions(root.resolve("runc"), PosixFilePermissions.fromString("rwx------"));
            requireSearchableParents(root);
            RuncHost host = RuncHost.detect(root);
            runc = new Runc(overlayAllowed ? host : host.withoutOverlay(), root.resolve("runc"));
        } catch (IOException e) {
            return Availability.missing(e.getMessage());
        }
        return RuncProbe.run(this, runc.host(), root.resolve("probe"));
    }

    /**
     * Creates the container's bundle and starts it. Returns once its monitor runs; runc creates
     * the container a few tens of milliseconds later. A program that does not exist in the image
     * is not an exception: runc reports it on stderr and the container exits non-zero.
     *
     * @param spec what to run
     * @return the running container
     * @throws IOException when runc is not usable here (with the reason), a container with this id
     *     exists, or the bundle cannot be built
     */
    public Container start(ContainerSpec spec) throws IOException {
        Availability a = availability();
        if (!a.available()) {
            throw new IOException(a.detail());
        }
        return launch(spec);
    }

    /** Starts a container without checking availability (the probe uses this). */
    Container launch(ContainerSpec spec) throws IOException {
        Runc r = runc;
        Bundle bundle = Bundle.create(bundles(), spec.id());
        try {
            List<String> mount = RootFilesystem.prepare(r.host(), bundle, spec.imageRoot(), ids, COPY_TIMEOUT);
            Ownership.handOver(spec.workDir(), ids.toHost(spec.uid()), ids.toHost(spec.gid()));
            Files.writeString(bundle.dir.resolve("hosts"), "127.0.0.1\tlocalhost " + spec.hostname()
                    + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
            Files.writeString(bundle.dir.resolve("hostname"), spec.hostname() + "\n");
            JSON.writeValue(bundle.config().toFile(), BundleConfig.of(spec, bundle, ids, r.host().cgroups()));
            Files.createFile(bundle.stdout());
            Files.createFile(bundle.stderr());
            Process monitor = Monitor.start(r, bundle, spec.id(), mount);
            Container c = new Container(spec.id(), r, bundle, monitor, monitor.toHandle(), () -> live.remove(spec.id()));
            live.put(spec.id(), c);
            return c;
        } catch (IOException | RuntimeException e) {
            bundle.remove(r.host());
            throw e;
        }
    }

    /**
     * Follows a container again, typically one a previous server process started.
     *
     * @param id the container id
     * @return the container when its bundle exists and its monitor still runs or recorded an exit
     *     code; empty otherwise (then {@link #discard} it)
     */
    public Optional<Container> attach(String id) {
        if (!availability().available() || !Files.isDirectory(bundles().resolve(id))) {
            return Optional.empty();
        }
        Bundle bundle = new Bundle(bundles().resolve(id));
        Optional<ProcessHandle> monitor = Monitor.find(bundle);
        if (monitor.isEmpty() && bundle.exitCode().isEmpty()) {
            return Optional.empty();
        }
        try {
            Container c = new Container(id, runc, bundle, null, monitor.orElse(null), () -> live.remove(id));
            live.put(id, c);
            return Optional.of(c);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return the ids of every container whose bundle exists, running or not */
    public List<String> list() {
        try (Stream<Path> dirs = Files.list(bundles())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Kills a container at once if it still runs and deletes it and its bundle. Never throws.
     *
     * @param id the container id
     */
    public void discard(String id) {
        Container c = live.get(id);
        if (c == null) {
            c = attach(id).orElse(null);
        }
        try {
            if (c != null) {
                c.kill(Duration.ZERO);
                c.waitFor();
                c.remove();
            } else if (runc != null && Files.isDirectory(bundles().resolve(id))) {
                runc.kill(id, "KILL", false);
                runc.delete(id);
                new Bundle(bundles().resolve(id)).remove(runc.host());
            }
        } catch (IOException e) {
            System.getLogger(RuncLauncher.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remove container " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills, deletes and removes every container this launcher started or attached to and still holds. */
    @Override
    public void close() {
        List.copyOf(live.keySet()).forEach(this::discard);
    }

    /** Container root, an unprivileged host uid, must pass through every parent of its root filesystem. */
    private static void requireSearchableParents(Path dir) throws IOException {
        for (Path p = dir.toRealPath().getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("containers cannot reach " + dir + ": " + p + " is not searchable by others;"
                        + " run 'chmod o+x " + p + "' or keep the server's container directory elsewhere");
            }
        }
    }

    private Path bundles() {
        return root.resolve("bundles");
    }
}
