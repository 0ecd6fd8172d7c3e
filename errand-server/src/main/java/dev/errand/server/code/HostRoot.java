package dev.errand.server.code;

import dev.errand.sandbox.HostImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@code host} root of code sandboxes lives: a {@link HostImage} built at start in the
 * images directory when the sandbox user can reach it, else in {@code /var/tmp/errand-host-HASH}
 * (one per images directory, so servers on one machine never share it). Without one (no merged
 * {@code /usr}, or it cannot be written) sandboxes use the host layout directly, which works the
 * same but costs more CPU per sandbox. Stateless.
 */
final class HostRoot {
    private static final Logger LOG = LoggerFactory.getLogger(HostRoot.class);

    private HostRoot() {}

    /** @return the prepared host image directory, or empty to use the host layout */
    static Optional<Path> prepare(Path imagesDir) {
        try {
            Files.createDirectories(imagesDir);
            Path dir = reachable(imagesDir) ? imagesDir.resolve("host")
                    : Path.of("/var/tmp", "errand-host-" + hash(imagesDir.toAbsolutePath().toString()));
            return HostImage.prepare(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("code sandboxes use the host layout directly (slower): cannot prepare a host image: {}", e.toString());
            return Optional.empty();
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
