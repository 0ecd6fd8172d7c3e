package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.errand.sandbox.Executables;
import dev.errand.sandbox.HostUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a small OCI image inside the test, from Debian's busybox-static packed with umoci: a
 * layout tagged {@value #TAG} whose config sets {@code PATH=/bin}, {@code IMAGE_VAR=from-image},
 * working dir {@code /workspace} and cmd {@code echo default-cmd}, with users root and
 * {@code app} (1000:1000); and archives of it made with skopeo.
 */
public final class TestImages {
    /** The tag of the image in the layout. */
    public static final String TAG = "bb";

    private TestImages() {}

    /**
     * Skips the test when runc, umoci, skopeo or busybox-static is missing or the tests do not
     * run as root (the oci driver needs root), unless CI is {@code true}: then it fails.
     */
    public static void assumeTools() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || HostUser.isRoot(), "not root: the oci driver needs root; OCI tests skipped");
        for (String tool : List.of("runc", "umoci", "skopeo")) {
            assumeTrue(ci || Executables.find(tool).isPresent(), tool + " is not installed; OCI tests skipped");
        }
        assumeTrue(ci || Files.isExecutable(Path.of("/bin/busybox")), "busybox-static is not installed");
    }

    /** @return an OCI image layout at {@code dir/layout} holding the busybox image as {@value #TAG} */
    public static Path layout(Path dir) throws Exception {
        assumeTools();
        Path layout = dir.resolve("layout");
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("bin"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("home/app"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String applet : run(List.of("/bin/busybox", "--list")).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet.strip()), Path.of("busybox"));
            }
        }
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\napp:x:1000:\n");
        String image = layout + ":" + TAG;
        run(List.of("umoci", "init", "--layout", layout.toString()));
        run(List.of("umoci", "new", "--image", image));
        run(List.of("umoci", "insert", "--image", image, rootfs.toString(), "/"));
        run(List.of("umoci", "config", "--image", image, "--config.env", "PATH=/bin", "--config.env", "IMAGE_VAR=from-image",
                "--config.workingdir", "/workspace", "--config.cmd", "echo", "--config.cmd", "default-cmd"));
        return layout;
    }

    /** @return the busybox image as an {@code oci-archive} tar at {@code dir/busybox.tar}, from the layout {@code dir/build/layout} */
    public static Path ociArchive(Path dir) throws Exception {
        Path tar = dir.resolve("busybox.tar");
        run(List.of("skopeo", "copy", "--quiet", "oci:" + layout(dir.resolve("build")) + ":" + TAG,
                "oci-archive:" + tar + ":" + TAG));
        return tar;
    }

    /** @return the busybox image as a {@code docker-archive} tar at {@code dir/busybox-docker.tar} */
    public static Path dockerArchive(Path dir) throws Exception {
        Path tar = dir.resolve("busybox-docker.tar");
        run(List.of("skopeo", "copy", "--quiet", "oci:" + layout(dir.resolve("build-docker")) + ":" + TAG,
                "docker-archive:" + tar + ":busybox:latest"));
        return tar;
    }

    /** Runs a host command that must succeed; returns its stdout. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
