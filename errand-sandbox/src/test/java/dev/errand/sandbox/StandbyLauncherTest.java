package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sandboxes started ahead of their work, told what to run over their stdin. */
class StandbyLauncherTest {
    private static final String READ_AND_RUN = "IFS= read -r line && eval \"$line\"";
    @RegisterExtension
    final StandbyFixture standby = new StandbyFixture();

    static StandbySpec sh(Optional<Path> root, boolean network) {
        return new StandbySpec(root, List.of("/bin/sh", "-c", READ_AND_RUN), Map.of("PATH", "/usr/bin:/bin"),
                network, "errand-test", 8 * 1024 * 1024, Map.of());
    }

    static SandboxRun tell(StandbySandbox sandbox, String line) throws Exception {
        try (OutputStream in = sandbox.stdin()) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return SandboxRun.collect(sandbox);
    }

    @Test
    void aStartedSandboxWaitsForItsStdinThenRunsWhatItIsTold() throws Exception {
        StandbySandbox sandbox = standby.launcher().start(sh(Optional.empty(), false));
        Thread.sleep(100);
        assertThat(sandbox.isAlive()).isTrue();

        SandboxRun run = tell(sandbox, "echo ready; id -u; grep -E '^(Cap|NoNewPrivs|Groups)' /proc/self/status; exit 3");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.stdout().getFirst()).isEqualTo("ready");
        if (Sandboxes.hostIsRoot()) {
            assertThat(run.stdout().get(1)).isEqualTo("65534");
        }
        assertThat(run.stdout()).as("no capabilities, no groups, no way to gain privileges").contains("NoNewPrivs:\t1",
                "CapInh:\t0000000000000000", "CapPrm:\t0000000000000000", "CapEff:\t0000000000000000",
                "CapBnd:\t0000000000000000", "CapAmb:\t0000000000000000");
    }

    @Test
    void workIsAPrivateSizedTmpfsAndTheRootIsReadOnly() throws Exception {
        SandboxRun run = tell(standby.launcher().start(sh(Optional.empty(), false)),
                "pwd; for d in / /usr /etc /work /tmp; do touch $d/p 2>/dev/null && echo writable $d; done;"
                        + " head -c 9000000 /dev/zero > /work/big || echo full");

        assertThat(run.stdout()).as(run.output()).containsExactly("/work", "writable /work", "writable /tmp", "full");
    }

    @Test
    void theNetworkIsLoopbackOnlyUnlessAsked() throws Exception {
        String interfaces = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '";
        SandboxRun closed = tell(standby.launcher().start(sh(Optional.empty(), false)), interfaces);
        SandboxRun open = tell(standby.launcher().start(sh(Optional.empty(), true)), interfaces);

        assertThat(closed.stdout()).as(closed.output()).containsExactly("lo");
        assertThat(open.stdout()).as(open.output()).isNotEqualTo(List.of("lo"));
    }

    @Test
    void anImageRootReplacesTheHostsUsrAndEtc(@TempDir Path dir) throws Exception {
        Path image = Files.createDirectory(dir.resolve("image"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(image.resolve("usr"), Path.of("/usr"));
        Files.createSymbolicLink(image.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(image.resolve("lib"), Path.of("usr/lib"));
        if (Files.isSymbolicLink(Path.of("/lib64"))) {
            Files.createSymbolicLink(image.resolve("lib64"), Files.readSymbolicLink(Path.of("/lib64")));
        }
        Files.createDirectory(image.resolve("etc"));
        Files.writeString(image.resolve("etc/marker"), "from the image\n");

        SandboxRun run = tell(standby.launcher().start(sh(Optional.of(image), false)), "cat /etc/marker; ls /etc");

        assertThat(run.stdout()).as(run.output()).containsExactly("from the image", "marker");
    }

    @Test
    void extraBindsAreReadOnlyAndMissingSourcesSkipped() throws Exception {
        StandbySpec spec = new StandbySpec(Optional.empty(), List.of("/bin/sh", "-c", READ_AND_RUN),
                Map.of("PATH", "/usr/bin:/bin"), false, "errand-test", 1 << 20,
                Map.of(Path.of("/usr/lib/os-release"), Path.of("/opt/release"),
                        Path.of("/var/lib/errand-no-such-path"), Path.of("/var/lib/errand-no-such-path")));

        SandboxRun run = tell(standby.launcher().start(spec), "test -s /opt/release && echo bound; touch /opt/release 2>/dev/null"
                + " || echo read-only; test -e /var/lib/errand-no-such-path || echo skipped");

        assertThat(run.stdout()).as(run.output()).containsExactly("bound", "read-only", "skipped");
    }

    @Test
    void theHostImageShowsWhatTheHostLayoutShowsWithOneBindForEtc(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Optional<Path> image = HostImage.prepare(dir.resolve("host"));
        assumeTrue(image.isPresent(), "this host has no merged /usr");
        String probe = "ls /etc | sort | tr '\\n' ' '; test -r /etc/ld.so.cache && echo ld-cache; java -version 2>&1 | head -c 7";

        SandboxRun viaImage = tell(standby.launcher().start(sh(image, false)), probe);
        SandboxRun viaHost = tell(standby.launcher().start(sh(Optional.empty(), false)), probe);

        assertThat(viaImage.stdout()).as(viaImage.output()).isEqualTo(viaHost.stdout());
        List<String> cmd = StandbyCommand.hostCommand(BwrapHost.detect(Path.of("/usr/bin/bwrap")), Path.of("/s/stub"),
                sh(image, false));
        assertThat(cmd.stream().filter(a -> a.startsWith("--ro-bind")).count()).as("usr, etc and the stub").isEqualTo(3);
    }

    @Test
    void terminateFirstSignalsOnlyTheFirstProgram() throws Exception {
        StandbySandbox sandbox = standby.launcher().start(sh(Optional.empty(), false));
        try (OutputStream in = sandbox.stdin()) {
            in.write(("trap 'echo trapped; kill -9 $child' TERM; sleep 60 & child=$!; echo started; wait $child;"
                    + " wait $child; echo child-status $?\n").getBytes(StandardCharsets.UTF_8));
        }
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(sandbox.stdout()));
        assertThat(out.readLine()).isEqualTo("started");

        assertThat(sandbox.terminateFirst()).isTrue();

        assertThat(out.readLine()).isEqualTo("trapped");
        assertThat(out.readLine()).isEqualTo("child-status 137");
        assertThat(sandbox.waitFor()).isZero();
    }

    @Test
    void killEndsAWaitingSandbox() throws Exception {
        StandbySandbox sandbox = standby.launcher().start(sh(Optional.empty(), false));

        sandbox.kill(Duration.ZERO);

        assertThat(sandbox.isAlive()).isFalse();
    }

    @Test
    void specsRejectRelativeRootsAndTinyScratch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StandbySpec(Optional.of(Path.of("rel")),
                List.of("true"), Map.of(), false, "h", 1 << 20, Map.of())).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StandbySpec(Optional.empty(),
                List.of("true"), Map.of(), false, "h", 1024, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
