package dev.errand.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the bubblewrap launchers need to know about this host, detected once: bubblewrap and its
 * version, whether the server is root (and so must drop to {@link HostUser#SANDBOX_UID} before
 * bubblewrap), and the sandbox's root filesystem arguments.
 *
 * @param bwrap the bubblewrap executable
 * @param version its version
 * @param dropsPrivileges true when the server is root, so sandboxes run as {@link HostUser#SANDBOX_UID}
 * @param rootArgs the {@link RootLayout} arguments for this host
 */
record BwrapHost(Path bwrap, BwrapVersion version, boolean dropsPrivileges, List<String> rootArgs) {

    /** The exact message for a host without bubblewrap. */
    static final String NOT_INSTALLED = "bubblewrap is not installed: run 'sudo apt-get install -y bubblewrap'"
            + " (Debian/Ubuntu) or 'sudo dnf install -y bubblewrap'";

    /**
     * Inspects this host.
     *
     * @param bwrap the bubblewrap executable to use
     * @return the facts
     * @throws IOException with {@link #NOT_INSTALLED} when bubblewrap is missing, or naming the
     *     unreadable version
     */
    static BwrapHost detect(Path bwrap) throws IOException {
        if (!Files.isRegularFile(bwrap) || !Files.isExecutable(bwrap)) {
            throw new IOException(NOT_INSTALLED);
        }
        BwrapVersion version;
        try {
            version = BwrapVersion.parse(versionOutput(bwrap));
        } catch (IllegalArgumentException e) {
            throw new IOException(bwrap + " --version gave no version: " + e.getMessage(), e);
        }
        return new BwrapHost(bwrap, version, HostUser.isRoot(), RootLayout.arguments(Path.of("/")));
    }

    private static String versionOutput(Path bwrap) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(bwrap.toString(), "--version").redirectErrorStream(true);
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(bwrap + " --version did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + bwrap + " --version", e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
