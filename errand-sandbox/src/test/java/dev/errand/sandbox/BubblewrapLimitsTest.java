package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Limits} applied inside a bubblewrap sandbox: by a cgroup for the whole tree where the
 * server may make one (root; the kernel's OOM killer then SIGKILLs, exit 137), else as rlimits
 * (allocations fail), plus a /tmp size.
 */
class BubblewrapLimitsTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path work;

    BubblewrapLauncher launcher;

    @BeforeEach
    void launcher() {
        launcher = Sandboxes.bubblewrap();
    }

    @Test
    void aFileCannotGrowBeyondTheFileSizeLimit() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "head -c 3000000 /dev/zero > big",
                new Limits(0, 0, 0, MIB)));

        assertThat(run.exit()).as(run.output()).isEqualTo(128 + 25); // SIGXFSZ
        assertThat(Files.size(work.resolve("big"))).isEqualTo(MIB);
    }

    @Test
    void theProcessLimitStopsForking() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work,
                "for i in 1 2 3 4 5 6 7 8 9 10; do sleep 2 & done; wait", new Limits(0, 5, 0, 0)));

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(String.join("\n", run.stderr())).contains("fork");
    }

    @Test
    void theMemoryLimitCapsTheAddressSpace() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "dd if=/dev/zero of=/dev/null bs=256M count=1",
                new Limits(64 * MIB, 0, 0, 0)));

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.exit() == 137 || String.join("\n", run.stderr()).contains("memory exhausted")).as(run.output()).isTrue();
    }

    @Test
    void theMemoryLimitAlsoCapsTmp() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "head -c 20000000 /dev/zero > /tmp/fill",
                new Limits(8 * MIB, 0, 0, 0)));

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.exit() == 137 || String.join("\n", run.stderr()).contains("No space left on device")).as(run.output()).isTrue();
    }

    @Test
    void theCpuLimitKillsABusyLoop() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "while :; do :; done", new Limits(0, 0, 1, 0)));

        assertThat(run.exit()).as(run.output()).isIn(128 + 24, 128 + 9); // SIGXCPU, or SIGKILL at the hard limit
    }

    @Test
    void withoutLimitsNothingIsLimitedButCoreDumps() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "ulimit -c; ulimit -f; ulimit -v"));

        assertThat(run.stdout()).as(run.output()).containsExactly("0", "unlimited", "unlimited");
    }
}
