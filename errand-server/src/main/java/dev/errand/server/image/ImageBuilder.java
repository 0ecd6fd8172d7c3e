package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.sandbox.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Debian root filesystems with {@code mmdebstrap --variant=apt} into
 * {@code <imageDir>/<name>}: into a temporary directory first, swapped in only when the build
 * succeeded, so a failed rebuild keeps the previous files. The tool's output goes to
 * {@code <name>.build.log} beside it. mmdebstrap uses the host's apt sources (and proxy).
 * Thread-safe; one build per name at a time is the caller's rule.
 */
public final class ImageBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);
    private final Path imageDir;
    private final Optional<Path> tool;

    /** @param imageDir where built root filesystems are kept */
    public ImageBuilder(Path imageDir) {
        this.imageDir = imageDir;
        this.tool = Stream.of("/usr/bin/mmdebstrap", "/usr/local/bin/mmdebstrap").map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** @return where the image's root filesystem lives */
    Path rootfs(String name) {
        return imageDir.resolve(name);
    }

    /** @throws ErrandException {@code unavailable} with the install command when mmdebstrap is missing */
    void requireTool() {
        if (tool.isEmpty()) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "mmdebstrap is not installed on the server: run"
                    + " 'sudo apt-get install -y mmdebstrap' there");
        }
    }

    /** Runs the build; @return {@code ready} or {@code failed: REASON} */
    String build(String name, String suite, List<String> packages) {
        Path target = rootfs(name);
        Path tmp = imageDir.resolve("." + name + ".building");
        Path log = imageDir.resolve(name + ".build.log");
        try {
            Files.createDirectories(imageDir);
            FileTree.delete(tmp);
            List<String> cmd = new ArrayList<>(List.of(tool.orElseThrow().toString(), "--variant=apt", "--mode=root",
                    "--format=directory"));
            if (!packages.isEmpty()) {
                cmd.add("--include=" + String.join(",", packages));
            }
            cmd.addAll(List.of(suite, tmp.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            int exit = p.waitFor();
            if (exit != 0) {
                List<String> lines = Files.readAllLines(log);
                String last = lines.isEmpty() ? "no output" : lines.getLast();
                FileTree.delete(tmp);
                return "failed: mmdebstrap exited " + exit + ": " + last + " (see " + log + ")";
            }
            // World-searchable, so that sandboxes running as an unprivileged user can reach it.
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            FileTree.delete(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("image {} built from Debian {} with {}", name, suite, packages);
            return "ready";
        } catch (IOException | RuntimeException e) {
            LOG.warn("image {} build failed", name, e);
            return "failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }

    /** Deletes a built image's files. */
    void removeFiles(String name) {
        try {
            FileTree.delete(rootfs(name));
            Files.deleteIfExists(imageDir.resolve(name + ".build.log"));
        } catch (IOException e) {
            LOG.warn("could not delete the files of image {}: {}", name, e.toString());
        }
    }
}
