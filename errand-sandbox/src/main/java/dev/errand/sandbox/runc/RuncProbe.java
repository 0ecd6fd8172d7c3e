package dev.errand.sandbox.runc;

import dev.errand.sandbox.Availability;
import dev.errand.sandbox.FileTree;
import dev.errand.sandbox.Limits;
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
 * Proves that runc works on this host by running one real container with every feature a real
 * run uses (user namespace, new network namespace, cgroup memory and pids limits, seccomp, the
 * overlay or copy): its image is a skeleton root whose {@code /usr} is the host's, bound read-only,
 * and it runs {@code echo ok}. Stateless.
 */
final class RuncProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ID = "errand-probe-" + ProcessHandle.current().pid();

    private RuncProbe() {}

    /**
     * @param dir a scratch directory for the probe's image and work dir (recreated, then deleted)
     * @return available with a short description, or not available with runc's error
     */
    static Availability run(RuncLauncher launcher, RuncHost host, Path dir) {
        try {
            FileTree.delete(dir);
            Path image = Files.createDirectories(dir.resolve("image"));
            Files.createDirectories(image.resolve("usr"));
            for (String link : List.of("bin", "sbin", "lib", "lib64")) {
                Files.createSymbolicLink(image.resolve(link), Path.of("usr", link));
            }
            Path work = Files.createDirectories(dir.resolve("work"));
            Container c = launcher.launch(new ContainerSpec(ID, image, List.of("/bin/sh", "-c", "echo ok"),
                    Map.of("PATH", "/usr/bin:/bin"), "/work", 0, 0, work, "/work", false, "errand-probe",
                    new Limits(64L << 20, 64, 0, 0), Map.of("/usr", Path.of("/usr"))));
            CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> c.kill(Duration.ZERO));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(c.stderr()),
                    task -> Thread.ofVirtual().start(task));
            String out = readAll(c.stdout());
            int exit = c.waitFor();
            c.remove();
            if (exit == 0 && out.strip().equals("ok")) {
                return Availability.ok("runc " + host.version() + ", cgroup " + host.cgroups().name().toLowerCase()
                        + ", " + (host.overlay() ? "overlayfs" : "no overlayfs: each container copies its image")
                        + ", container root is host uid " + launcher.idMapping().hostBase());
            }
            return Availability.missing("runc " + host.version() + " is installed but cannot start a container (exit "
                    + exit + "): " + err.join().strip());
        } catch (IOException | RuntimeException e) {
            return Availability.missing("runc cannot start a container: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.missing("interrupted while checking runc");
        } finally {
            try {
                FileTree.delete(dir);
            } catch (IOException e) {
                // removed by the next check
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
