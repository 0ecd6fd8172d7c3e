package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where overlayfs is unavailable, each container gets a private copy of its image instead. */
class RuncCopyTest {
    @TempDir
    static Path dir;
    static RuncLauncher launcher;
    static Path image;

    @BeforeAll
    static void setUp() throws Exception {
        Containers.launcher(dir); // skips or fails as the other container tests do
        launcher = new RuncLauncher(dir.resolve("copies"), IdMapping.DEFAULT, false);
        image = Containers.busyboxImage(dir);
    }

    @AfterAll
    static void tearDown() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void theHealthSaysContainersCopyTheirImage() {
        assertThat(launcher.availability().available()).isTrue();
        assertThat(launcher.availability().detail()).contains("no overlayfs: each container copies its image");
    }

    @Test
    void aCopiedRootIsWritableAndPrivateAndTheImageStaysAsItWas() throws Exception {
        Container c = launcher.start(Containers.sh("copy-1", image, dir.resolve("w1"),
                "echo changed > /etc/passwd; rm /bin/cat; echo ok; mount | head -1", Limits.NONE));
        assertThat(Bundle.isMountPoint(dir.resolve("copies/bundles/copy-1/rootfs"))).isFalse();
        Containers.Run r = Containers.finish(c);
        assertThat(r.stdout()).contains("ok");
        assertThat(r.stdout().get(1)).doesNotContain("overlay");
        assertThat(Files.readString(image.resolve("etc/passwd"))).startsWith("root:x:0:0");
        assertThat(image.resolve("bin/cat")).exists();
        assertThat(dir.resolve("copies/bundles/copy-1")).doesNotExist();
    }
}
