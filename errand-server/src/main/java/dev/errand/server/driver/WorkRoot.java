package dev.errand.server.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Chooses where per-execution directories live. A server running as root runs sandboxes as
 * an unprivileged uid, which must be able to reach them; the data directory is private (0700: it
 * holds the database), so they then go to a private {@code /var/tmp/errand-<purpose>-<hash of the
 * data dir>} (0711: others may pass, not list). The {@code local} driver's work directories
 * ({@code work}) and the {@code oci} driver's bundles and work directories ({@code oci}) each get
 * their own, because the local driver empties its directory on start.
 */
public final class WorkRoot {
    private WorkRoot() {}

    /**
     * @param dataDir the server's data directory (exists)
     * @param override a directory given by the operator ({@code --work-dir}), or null
     * @return an existing directory for work directories
     * @throws IOException when the directory cannot be made safely (for example a symlink or
     *     another user's directory stands where it would go)
     */
    public static Path choose(Path dataDir, Path override) throws IOException {
        return choose(dataDir, override, "work");
    }

    /**
     * As {@link #choose(Path, Path)} for another kind of directory sandboxes must reach (built
     * images: {@code images}, under {@code /var/tmp/errand-images-<hash>} when needed).
     *
     * @param kind the subdirectory name, also part of the shared directory's name
     */
    public static Path choose(Path dataDir, Path override, String kind) throws IOException {
        if (override != null) {
            return Files.createDirectories(override);
        }
        Path inData = dataDir.resolve(kind);
        if (!runningAsRoot() || searchableByOthers(dataDir)) {
            return Files.createDirectories(inData);
        }
        Path base = Files.isDirectory(Path.of("/var/tmp")) ? Path.of("/var/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        Path root = base.resolve("errand-" + kind + "-" + hash(dataDir.toRealPath().toString()));
        if (Files.isSymbolicLink(root)) {
            throw new IOException(root + " is a symbolic link; refusing to use it for sandbox directories");
        }
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(root);
        }
        int owner = (Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != 0) {
            throw new IOException(root + " belongs to uid " + owner + ", not to this server; remove it or pass --work-dir");
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        return root;
    }

    private static boolean runningAsRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean searchableByOthers(Path dir) throws IOException {
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
