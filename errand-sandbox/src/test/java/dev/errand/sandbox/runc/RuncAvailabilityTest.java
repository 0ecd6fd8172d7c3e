package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When runc cannot work here, the launcher says why and how to fix it, and starts nothing. */
class RuncAvailabilityTest {
    @TempDir
    Path dir;

    @Test
    void aContainerDirectoryContainerRootCannotReachIsReportedWithTheFix() throws Exception {
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Files.setAttribute(closed, "unix:mode", 0700);
        Files.setAttribute(dir, "unix:mode", 0711);
        Availability a = new RuncLauncher(closed.resolve("containers"), IdMapping.DEFAULT).availability();
        assertThat(a.available()).isFalse();
        assertThat(a.detail()).contains("not searchable by others").contains("chmod o+x " + closed);
    }

    @Test
    void startingOnAHostWhereRuncCannotWorkFailsWithTheReason() throws Exception {
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Files.setAttribute(closed, "unix:mode", 0700);
        RuncLauncher launcher = new RuncLauncher(closed.resolve("containers"), IdMapping.DEFAULT);
        ContainerSpec spec = Containers.sh("x", dir, dir.resolve("w"), "true", dev.errand.sandbox.Limits.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.start(spec))
                .hasMessageContaining("not searchable by others");
        assertThat(launcher.attach("x")).isEmpty();
    }

    @Test
    void runcsVersionIsTheNumberOfItsFirstLine() {
        assertThat(RuncHost.version("runc version 1.1.5+ds1\ncommit: 1.1.5\nspec: 1.0.2-dev\n")).isEqualTo("1.1.5+ds1");
    }
}
