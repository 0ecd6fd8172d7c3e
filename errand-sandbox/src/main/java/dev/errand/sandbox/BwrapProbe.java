package dev.errand.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Proves that bubblewrap works on this host by starting one real sandbox running {@code true},
 * with every option a real run uses. Stateless.
 */
final class BwrapProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USERNS_HINT = "Sandboxes need unprivileged user namespaces: check that"
            + " 'sysctl user.max_user_namespaces' is above 0, that 'sysctl kernel.unprivileged_userns_clone'"
            + " is 1 where it exists (Debian), and that 'sysctl kernel.apparmor_restrict_unprivileged_userns'"
            + " is 0 or bwrap has an AppArmor profile (Ubuntu 23.10+); inside a container, run it with"
            + " --security-opt seccomp=unconfined or a profile that allows unshare and mount.";

    private BwrapProbe() {}

    /**
     * @param host the detected host
     * @param launcher the launcher to start the probe sandbox with
     * @return available with a short description, or not available with bubblewrap's error and hints
     */
    static Availability run(BwrapHost host, BubblewrapLauncher launcher) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("errand-probe");
            SandboxSpec spec = new SandboxSpec(List.of("true"), Map.of("PATH", "/usr/bin:/bin"), dir,
                    false, "errand-probe", Limits.NONE);
            SandboxProcess p = launcher.launch(host, spec);
            CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> p.kill(Duration.ZERO)); // harmless once the probe has exited
            CompletableFuture<byte[]> err = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> err.complete(readAll(p.stderr())));
            readAll(p.stdout());
            int exit = p.waitFor();
            String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
            if (exit == 0) {
                String user = host.dropsPrivileges() ? "uid " + HostUser.SANDBOX_UID : "the server's user";
                return Availability.ok("bubblewrap " + host.version() + ", sandboxes run as " + user);
            }
            return Availability.missing("bubblewrap " + host.version() + " is installed but cannot start a"
                    + " sandbox (exit " + exit + "): " + stderr + ". " + USERNS_HINT);
        } catch (IOException e) {
            return Availability.missing("bubblewrap cannot start a sandbox: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.missing("interrupted while checking bubblewrap");
        } finally {
            deleteQuietly(dir);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a leftover empty temp directory is harmless
            }
        }
    }
}
