package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of this process's own, for files that sandboxes must reach (the stub, the host
 * image): {@code PARENT/PREFIX-PID-RANDOM}, mode 0711 (the sandbox user may pass through but not
 * list it), created fresh so that no other process, and no other server on the same machine,
 * ever shares or replaces it; remove it with {@link FileTree#delete}. Creating one removes the directories of the same prefix that
 * processes no longer running left behind (a server killed with SIGKILL). Stateless.
 */
public final class InstanceDir {
    private InstanceDir() {}

    /**
     * @param parent an existing directory (such as {@code /tmp} or the server's images directory)
     * @param prefix letters, digits and {@code -}, naming what the directory is for
     * @return the new directory
     * @throws IOException when it cannot be created
     */
    public static Path create(Path parent, String prefix) throws IOException {
        if (!prefix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("invalid prefix: " + prefix);
        }
        sweep(parent, prefix);
        Path dir = Files.createTempDirectory(parent, prefix + "-" + ProcessHandle.current().pid() + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    /** Removes {@code prefix-PID-*} directories of ours whose process is gone; failures are ignored. */
    private static void sweep(Path parent, String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "-(\\d{1,10})-\\d+");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "-*")) {
            for (Path d : dirs) {
                Matcher m = name.matcher(d.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
                        && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && ownedByUs(d)) {
                    FileTree.delete(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another process may be sweeping too; what is left is removed next time
        }
    }

    private static boolean ownedByUs(Path d) throws IOException {
        return Files.getOwner(d, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }
}
