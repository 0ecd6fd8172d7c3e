package dev.errand.server.code;

import dev.errand.sandbox.HostImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@code host} root of code sandboxes lives: a {@link HostImage} built at start in the
 * images directory when the sandbox user can reach it, else in {@code /var/tmp/errand-host-HASH}
 * (one per images directory, so servers on one machine never share it). Without one (no merged
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
     * @param imagesDir the language images directory
     * @param binds the host paths sandboxes bind read-only on top of the root (the catalogue's {@code paths})
     * @return the prepared host image directory, or empty to use the host layout
     */
    static Optional<Path> prepare(Path imagesDir, Collection<Path> binds) {
        try {
            Files.createDirectories(imagesDir);
            Path dir = reachable(imagesDir) ? imagesDir.resolve("host")
                    : Path.of("/var/tmp", "errand-host-" + hash(imagesDir.toAbsolutePath().toString()));
            Optional<Path> image = HostImage.prepare(dir);
            if (image.isPresent()) {
                mountPoints(image.get(), binds);
            }
            return image;
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

    /** Deletes a host image made by {@link #prepare}; failures are logged. */
    static void remove(Path dir) {
        try {
            WorkTree.delete(dir);
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
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

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
