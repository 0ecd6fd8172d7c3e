package dev.errand.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the bubblewrap launcher needs to know about this host, detected once: the programs it runs,
 * the bubblewrap version, whether the server is root (and so must drop to
 * {@link HostUser#SANDBOX_UID} before bubblewrap), and the sandbox's root filesystem arguments.
 *
 * @param bwrap the bubblewrap executable
 * @param version its version
 * @param setsid util-linux {@code setsid}, which gives each sandbox its own session and process group
 * @param setpriv util-linux {@code setpriv}, present exactly when the server runs as root
 * @param prlimit util-linux {@code prlimit}, which applies {@link Limits} inside the sandbox
 * @param rootArgs the {@link RootLayout} arguments for this host
 */
record BwrapHost(Path bwrap, BwrapVersion version, Path setsid, Optional<Path> setpriv, Path prlimit,
        List<String> rootArgs) {

    /** The exact message for a host without bubblewrap. */
    static final String NOT_INSTALLED = "bubblewrap is not installed: run 'sudo apt-get install -y bubblewrap'"
            + " (Debian/Ubuntu) or 'sudo dnf install -y bubblewrap'";

    /** @return true when sandboxes run as {@link HostUser#SANDBOX_UID} rather than as the server's user */
    boolean dropsPrivileges() {
        return setpriv.isPresent();
    }

    /**
     * Inspects this host.
     *
     * @param bwrap the bubblewrap executable to use
     * @return the facts
     * @throws IOException with {@link #NOT_INSTALLED} when bubblewrap is missing, or naming the
     *     missing util-linux program or the unreadable version
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
        Optional<Path> setpriv = HostUser.isRoot()
                ? Optional.of(Executables.require("setpriv", "util-linux"))
                : Optional.empty();
        return new BwrapHost(bwrap, version, Executables.require("setsid", "util-linux"), setpriv,
                Executables.require("prlimit", "util-linux"), RootLayout.arguments(Path.of("/")));
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
