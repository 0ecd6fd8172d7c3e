package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.errand.sandbox.Availability;
import dev.errand.sandbox.Executables;
import dev.errand.sandbox.HostUser;
import dev.errand.sandbox.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Test fixtures: a busybox image root, a working launcher (or a skip), specs and finished runs. */
final class Containers {
    private Containers() {}

    /**
     * @return a launcher under {@code dir} whose check passed. Skips when runc is not installed,
     *     unless CI is {@code true}; runc installed but not working always fails.
     */
    static RuncLauncher launcher(Path dir) throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Executables.find("runc").isPresent(), "runc is not installed; container tests skipped");
        assumeTrue(ci || HostUser.isRoot(), "not root: the runc launcher needs root; container tests skipped");
        Files.setAttribute(dir, "unix:mode", 0711);
        RuncLauncher launcher = new RuncLauncher(dir.resolve("containers"), IdMapping.DEFAULT);
        Availability a = launcher.availability();
        assertThat(a.available()).as(a.detail()).isTrue();
        return launcher;
    }

    /**
     * Builds a root filesystem of Debian's busybox-static: {@code /bin/busybox} and a link per
     * applet, {@code /etc/passwd}, owned by the default mapping's container root as umoci would
     * unpack it.
     */
    static Path busyboxImage(Path dir) throws IOException, InterruptedException {
        Path busybox = Path.of("/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path root = Files.createDirectories(dir.resolve("image"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        Process list = new ProcessBuilder(busybox.toString(), "--list").start();
        for (String applet : new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet.strip()), Path.of("busybox"));
            }
        }
        list.waitFor();
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n");
        long base = IdMapping.DEFAULT.hostBase();
        new ProcessBuilder("chown", "-R", "-h", base + ":" + base, root.toString()).inheritIO().start().waitFor();
        return root;
    }

    /** @return a spec running {@code /bin/sh -c script} as root in {@code image}, work dir at /work, no network */
    static ContainerSpec sh(String id, Path image, Path work, String script, Limits limits) throws IOException {
        Files.createDirectories(work);
        return new ContainerSpec(id, image, List.of("/bin/sh", "-c", script), Map.of("PATH", "/bin"), "/work", 0, 0,
                work, "/work", false, "errand-test", limits, Map.of());
    }

    /** A container run to its end. */
    record Run(int exit, List<String> stdout, List<String> stderr, ContainerUsage usage) {}

    /** Reads both outputs to their end, waits, removes the bundle. */
    static Run finish(Container c) throws Exception {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(c.stderr()));
        String out = read(c.stdout());
        int exit = c.waitFor();
        String e = err.join();
        c.remove();
        return new Run(exit, lines(out), lines(e), c.containerUsage().orElseThrow());
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
