package dev.errand.server.code;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.sandbox.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds language images: a Debian root filesystem per language with its packages, made by
 * {@code mmdebstrap} into {@code IMAGES/ID/rootfs}, one build at a time.
 * A build writes to a temporary directory and renames it into place, so a sandbox never sees a
 * half-built image; the log stays in {@code IMAGES/ID/build.log}. Thread-safe.
 */
final class LanguageImages implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageImages.class);
    private final Roots roots;
    private final CodeConfig config;
    private final Consumer<Language> onBuilt;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("errand-language-images").daemon().unstarted(r));

    /**
     * @param roots where languages run (told to look again after a build)
     * @param config the images directory, suite and mirror
     * @param onBuilt called after a successful build (to reset the language's warm pool)
     */
    LanguageImages(Roots roots, CodeConfig config, Consumer<Language> onBuilt) {
        this.roots = roots;
        this.config = config;
        this.onBuilt = onBuilt;
    }

    /** @return the state of the language's latest build ({@code queued}, {@code building}, {@code ready}, {@code failed: ...}) or null */
    String state(Language l) {
        return states.get(l.id());
    }

    /**
     * Queues builds; a language already queued or building is left alone.
     *
     * @throws ErrandException {@code unavailable} when mmdebstrap is not installed
     */
    void install(List<Language> languages) {
        if (!Files.isExecutable(Path.of("/usr/bin/mmdebstrap"))) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "mmdebstrap is not installed on the"
                    + " server: run 'sudo apt-get install -y mmdebstrap' there, then try again");
        }
        for (Language l : languages) {
            String now = states.get(l.id());
            if ("queued".equals(now) || "building".equals(now)) {
                continue;
            }
            states.put(l.id(), "queued");
            builder.execute(() -> build(l));
        }
    }

    private void build(Language l) {
        states.put(l.id(), "building");
        Path dir = config.imagesDir().resolve(l.id());
        Path tmp = dir.resolve("rootfs.new");
        Path log = dir.resolve("build.log");
        try {
            Files.createDirectories(dir);
            // the sandbox user must reach the image (it holds only Debian packages)
            for (Path p : List.of(config.imagesDir(), dir)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            FileTree.delete(tmp);
            Process p = new ProcessBuilder(command(l, tmp)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IOException("mmdebstrap exited with " + exit + "; see " + log);
            }
            Path rootfs = roots.imageDir(l);
            FileTree.delete(rootfs);
            Files.move(tmp, rootfs);
            roots.forget(l);
            onBuilt.accept(l);
            states.put(l.id(), "ready");
            LOG.info("built the image of {} in {}", l.id(), rootfs);
        } catch (IOException e) {
            states.put(l.id(), "failed: " + e.getMessage());
            LOG.warn("could not build the image of {}: {}", l.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            states.put(l.id(), "failed: interrupted");
        }
    }

    /** @return the mmdebstrap command line for {@code l} into {@code target} */
    List<String> command(Language l, Path target) {
        List<String> packages = new ArrayList<>(l.packages());
        return List.of("mmdebstrap", "--variant=essential", "--include=" + String.join(",", packages),
                "--dpkgopt=path-exclude=/usr/share/man/*", "--dpkgopt=path-exclude=/usr/share/doc/*",
                "--dpkgopt=path-exclude=/usr/share/locale/*", config.suite(), target.toString(), config.mirror());
    }

    /** Stops after the current build. */
    @Override
    public void close() {
        builder.shutdownNow();
    }
}
