package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who the server runs as, read from {@code /proc/self/status} (Java has no getuid). Stateless and
 * thread-safe.
 */
public final class HostUser {
    /** The unprivileged uid and gid ({@code nobody}) sandboxes run as when the server is root. */
    static final int SANDBOX_UID = 65534;

    private HostUser() {}

    /**
     * @return the effective uid of this JVM
     * @throws IOException when {@code /proc/self/status} cannot be read or has no {@code Uid:} line
     */
    public static int effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                // "Uid:\treal\teffective\tsaved\tfilesystem"
                return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IOException("no Uid line in /proc/self/status");
    }

    /** @return true when this JVM runs with effective uid 0 */
    public static boolean isRoot() throws IOException {
        return effectiveUid() == 0;
    }
}
