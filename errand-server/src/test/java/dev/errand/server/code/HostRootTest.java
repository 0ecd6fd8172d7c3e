package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import dev.errand.sandbox.StandbySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host image: catalogue paths under /etc (php's, R's, mono's) can be bound into its read-only etc. */
class HostRootTest {
    @TempDir
    Path dir;

    @Test
    void aHostFileUnderEtcOutsideTheAllowListIsBoundIntoTheSandbox() throws Exception {
        Path file = Path.of("/etc/debian_version");
        assumeTrue(Files.isRegularFile(file), "needs a Debian host");
        Optional<Path> instance = HostRoot.prepare(HostRoot.base(dir.resolve("languages")),
                List.of(file, Path.of("/var/lib/nothing")));
        assumeTrue(instance.isPresent(), "the host has no merged /usr");
        Optional<Path> image = instance.map(HostRoot::image);
        try (StandbyLauncher launcher = new StandbyLauncher()) {
            assertThat(Files.exists(image.get().resolve("etc/debian_version"))).isTrue();
            StandbySandbox sandbox = launcher.start(new StandbySpec(image, List.of("/bin/cat", file.toString()),
                    Map.of("PATH", "/usr/bin:/bin"), false, "errand", 1 << 20, Map.of(file, file)));
            sandbox.stdin().close();
            String err = new String(sandbox.stderr().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(sandbox.stdout().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(sandbox.waitFor()).as(err).isZero();
            assertThat(out).isEqualTo(Files.readString(file));
        } finally {
            HostRoot.remove(instance.get());
        }
    }
}
