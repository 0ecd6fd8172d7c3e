package dev.errand.server.code;

import dev.errand.sandbox.FileTree;
import dev.errand.sandbox.HostImage;
import dev.errand.sandbox.InstanceDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host-side files of code sandboxes live: the images directory when the sandbox user
 * can reach it, else {@code /var/tmp} ({@link #base}). There the {@code host} root of code
 * sandboxes, a {@link HostImage}, is built at start in an {@link InstanceDir} of this server's own,
 * so servers on one machine never share or remove each other's. Without one (no merged
 * {@code /usr}, or it cannot be written) sandboxes use the host layout directly, which works the
 * same but costs more CPU per sandbox. The image's {@code etc} is a copy of an allow-list, bound
 * read-only, so bubblewrap cannot create a mount point there: {@link #prepare} makes one in the copy
 * for each catalogue path under {@code /etc} ({@code /etc/php}, {@code /etc/fpc.cfg}) that the
 * host has, and the sandbox binds the host's live file or directory onto it. Stateless.
 */
final class HostRoot {
    private static final Logger LOG = LoggerFactory.getLogger(HostRoot.class);

    private HostRoot() {}

    /**
     * @param imagesDir the language images directory (created if missing)
     * @return the directory for the host-side files of code sandboxes
     * @throws IOException when the images directory cannot be created
     */
    static Path base(Path imagesDir) throws IOException {
        Files.createDirectories(imagesDir);
        return reachable(imagesDir) ? imagesDir : Path.of("/var/tmp");
    }

    /**
     * @param base where to make the instance directory ({@link #base})
     * @param binds the host paths sandboxes bind read-only on top of the root (the catalogue's {@code paths})
     * @return the prepared host image's instance directory (the image is its {@link #image}), or
     *     empty to use the host layout
     */
    static Optional<Path> prepare(Path base, Collection<Path> binds) {
        try {
            Path instance = InstanceDir.create(base, "errand-host");
            Optional<Path> image = HostImage.prepare(image(instance));
            if (image.isEmpty()) {
                FileTree.delete(instance);
                return Optional.empty();
            }
            mountPoints(image.get(), binds);
            return Optional.of(instance);
        } catch (IOException | RuntimeException e) {
            LOG.warn("code sandboxes use the host layout directly (slower): cannot prepare a host image: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Creates in the image's {@code etc} an empty directory or file for each bind under {@code /etc}
     * that exists on the host and is not in the image yet. Other binds need none: bubblewrap makes
     * their mount points in the sandbox's root tmpfs.
     */
    static void mountPoints(Path image, Collection<Path> binds) throws IOException {
        for (Path p : binds) {
            Path target = image.resolve(p.toString().substring(1));
            if (!p.startsWith("/etc") || p.equals(Path.of("/etc")) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    || !Files.exists(p)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(p)) {
                Files.createDirectory(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                Files.createFile(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    /** @return the image directory inside an instance directory made by {@link #prepare} */
    static Path image(Path instance) {
        return instance.resolve("root");
    }

    /** Deletes an instance directory made by {@link #prepare}; failures are logged. */
    static void remove(Path instance) {
        try {
            FileTree.delete(instance);
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", instance, e.toString());
        }
    }

    /** @return true when a root server's sandbox user (others) may search every directory down to {@code dir} */
    private static boolean reachable(Path dir) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return true;
        }
        for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

}
