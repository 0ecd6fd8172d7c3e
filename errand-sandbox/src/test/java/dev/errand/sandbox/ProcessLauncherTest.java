package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLauncherTest {
    @TempDir
    Path work;

    final ProcessLauncher launcher = new ProcessLauncher();

    @Test
    void saysLoudlyThatItIsInsecure() {
        assertThat(launcher.name()).isEqualTo("process");
        assertThat(launcher.availability().available()).isTrue();
        assertThat(launcher.availability().detail()).contains("INSECURE");
    }

    @Test
    void runsInTheWorkDirWithExactlyTheSpecsEnvironment() throws Exception {
        SandboxSpec spec = new SandboxSpec(List.of("/usr/bin/env"), Map.of("A", "1"), work, false, "x", Limits.NONE);

        assertThat(SandboxRun.of(launcher, spec).stdout()).containsExactly("A=1");
        SandboxRun pwd = SandboxRun.of(launcher, sh(work, "pwd; echo out; echo err >&2; exit 3"));
        assertThat(pwd.exit()).isEqualTo(3);
        assertThat(pwd.stdout()).containsExactly(work.toRealPath().toString(), "out");
        assertThat(pwd.stderr()).containsExactly("err");
    }

    @Test
    void theProgramLeadsItsOwnProcessGroup() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "ps -o pgid= -p $$ | tr -d ' '"));

        SandboxRun run = SandboxRun.collect(p);

        assertThat(run.stdout()).containsExactly(Long.toString(p.pid()));
    }

    @Test
    void killStopsTheWholeGroupIncludingATermTrappingBackgroundChild() throws Exception {
        SandboxProcess p = launcher.start(sh(work,
                "sh -c \"trap '' TERM; sleep 1000\" & echo $! > child; sleep 1000 & echo started; wait"));
        LiveOutput live = LiveOutput.follow(p).awaitStdout("started");
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(work.resolve("child")).strip())).orElseThrow();

        p.kill(Duration.ofMillis(500));

        assertThat(live.finish().exit()).isEqualTo(143);
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
    }

    @Test
    void whatTheProgramLeavesRunningIsKilledWhenItExits() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "sleep 1000 & echo $! > child; echo done"));

        SandboxRun run = SandboxRun.collect(p);

        assertThat(run.stdout()).containsExactly("done");
        long child = Long.parseLong(Files.readString(work.resolve("child")).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void limitsApplyToo() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "head -c 100000 /dev/zero > big", new Limits(0, 0, 0, 4096)));

        assertThat(run.exit()).isEqualTo(128 + 25);
        assertThat(Files.size(work.resolve("big"))).isEqualTo(4096);
    }
}
