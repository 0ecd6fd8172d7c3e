package dev.errand.server.driver.oci;

import dev.errand.protocol.HealthView;
import dev.errand.sandbox.Availability;
import dev.errand.sandbox.runc.Container;
import dev.errand.sandbox.runc.ContainerSpec;
import dev.errand.sandbox.runc.RuncLauncher;
import dev.errand.server.driver.Delivered;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.ExecutionSpec;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.driver.RunningExecution;
import dev.errand.server.driver.WorkDirs;
import dev.errand.server.oci.RootfsPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code oci} driver: runs each execution as a runc container from its OCI image. A command
 * runs as {@code /bin/sh -c COMMAND} in the image (its entrypoint is not prefixed, so tool images
 * such as terraform work as they are); an execution without a command runs the image's
 * entrypoint and cmd. The work directory ({@code <workRoot>/<id>}) is mounted at the image's
 * working directory. Containers survive a server restart and are re-attached to. Thread-safe.
 */
public final class OciDriver implements ExecutionDriver {
    /** The driver name stored on executions. */
    public static final String NAME = "oci";
    private final RuncLauncher launcher;
    private final ContainerImages images;
    private final Path workRoot;
    /**
     * Appended to every command: a shell runs a command's last program with {@code exec}, which
     * would make it the container's pid 1, and pid 1 ignores a SIGTERM it has no handler for. With
     * this the shell stays pid 1 and waits, so SIGTERM reaches the program as in the local driver,
     * and the exit code is the program's.
     */
    static final String SHELL_STAYS = "\nexit $?";
    private final Map<String, String> digestsInUse = new ConcurrentHashMap<>();

    /**
     * Removes work directories whose container is gone (a previous server stopped between making
     * one and starting its container).
     *
     * @param launcher the runc launcher (its availability decides this driver's health)
     * @param images where image names are looked up
     * @param workRoot where per-execution work directories go; its parents must be searchable by others
     * @throws IOException when {@code workRoot} cannot be created or read
     */
    public OciDriver(RuncLauncher launcher, ContainerImages images, Path workRoot) throws IOException {
        this.launcher = launcher;
        this.images = images;
        this.workRoot = Files.createDirectories(workRoot);
        Set<String> containers = Set.copyOf(launcher.list());
        try (var dirs = Files.list(workRoot)) {
            dirs.filter(d -> !containers.contains(d.getFileName().toString())).forEach(WorkDirs::remove);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthView.Component health() {
        Availability a = launcher.availability();
        String detail = a.detail() + images.importProblem().map(p -> "; images cannot be imported: " + p).orElse("");
        return new HealthView.Component(NAME, a.available(), detail);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException when the image is not an OCI image here, has nothing to run, or the
     *     container cannot be created (the message says why)
     */
    @Override
    public RunningExecution start(ExecutionSpec spec, OutputSink sink) throws IOException {
        ContainerImage image = images.find(spec.image()).orElseThrow(() -> new IOException(
                "image '" + spec.image() + "' is not an OCI image on this server"));
        if (!Files.isDirectory(image.rootfs())) {
            throw new IOException("the unpacked layers of image '" + image.name() + "' are missing; import it again");
        }
        List<String> argv = spec.command().isBlank() ? image.config().defaultProcess()
                : List.of("/bin/sh", "-c", spec.command() + SHELL_STAYS);
        if (argv.isEmpty()) {
            throw new IOException("image '" + image.name() + "' has no entrypoint or cmd: give a command to run");
        }
        if (RootfsPaths.program(image.rootfs(), argv.getFirst(), image.workMount(), spec.env().get("PATH")).isEmpty()) {
            return new MissingProgram(sink, argv.getFirst(), image.name());
        }
        String id = spec.executionId();
        // Marked in use before anything else, so that a prune cannot remove the layers meanwhile.
        digestsInUse.put(id, image.digest());
        Path workDir = null;
        try {
            workDir = Files.createDirectories(workRoot.resolve(id));
            ContainerSpec container = new ContainerSpec(id, image.rootfs(), argv, spec.env(),
                    startDir(spec.chdir(), image.workMount()), image.uid(), image.gid(), workDir, image.workMount(),
                    spec.network(), "errand-" + id.substring(Math.max(0, id.length() - 8)), spec.limits(), Map.of());
            if (spec.prepare() != null) {
                spec.prepare().prepare(workDir, sink);
            }
            return new ContainerRun(launcher.start(container), sink, workDir, () -> digestsInUse.remove(id));
        } catch (IOException | RuntimeException e) {
            digestsInUse.remove(id);
            if (workDir != null) {
                WorkDirs.remove(workDir);
            }
            throw e;
        }
    }

    /**
     * @param chdir where the spec wants the command to start ({@code /work} and below mean the
     *     work directory, such as a git checkout's subdirectory), or null
     * @param workMount where the work directory is mounted in the container
     * @return the container's working directory
     */
    static String startDir(String chdir, String workMount) {
        if (chdir == null || chdir.isBlank() || chdir.equals("/work")) {
            return workMount;
        }
        if (chdir.startsWith("/work/")) {
            return workMount.equals("/") ? chdir.substring("/work".length()) : workMount + chdir.substring("/work".length());
        }
        return chdir;
    }

    @Override
    public Optional<RunningExecution> attach(String executionId, Delivered delivered, OutputSink sink) {
        Optional<Container> c = launcher.attach(executionId);
        return c.map(container -> new ContainerRun(container, new SkippingSink(delivered, sink),
                workRoot.resolve(executionId), () -> { }));
    }

    @Override
    public List<String> survivors() {
        return launcher.list();
    }

    @Override
    public void discard(String executionId) {
        launcher.discard(executionId);
        WorkDirs.remove(workRoot.resolve(executionId));
    }

    @Override
    public String lostReason() {
        return "the server stopped while it ran, and its container is gone (was the host restarted?)";
    }

    /** @return the manifest digests of the images of containers this driver is starting or running */
    public Set<String> digestsInUse() {
        return Set.copyOf(digestsInUse.values());
    }

    /** Kills every container this server process still runs or follows. */
    @Override
    public void close() {
        launcher.close();
    }
}
