package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU time, peak memory and the limit hit, measured for real sandboxes (cgroup as root, else /proc samples). */
class ResourceUsageTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void aBusySandboxReportsCpuSecondsAndPeakMemory() throws Exception {
        SandboxProcess p = Sandboxes.bubblewrap().start(sh(work,
                "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; head -c 30000000 /dev/zero | tail -c 1 > /dev/null"));
        SandboxRun.collect(p);
        ResourceUsage u = Awaitility.await().atMost(Duration.ofSeconds(10)).until(p::usage, x -> x.cpuSeconds() != null);

        assertThat(u.cpuSeconds()).as(u.toString()).isGreaterThan(0.1);
        assertThat(u.peakMemoryBytes()).as(u.toString()).isGreaterThan(MIB);
        assertThat(u.method()).isIn("cgroup", "sampled");
    }

    @Test
    void aSandboxKilledByTheMemoryLimitSaysSoWhereACgroupEnforcesIt() throws Exception {
        SandboxProcess p = Sandboxes.bubblewrap().start(sh(work, "head -c 200000000 /dev/zero | tail -c 150000000 > /dev/null",
                new Limits(48 * MIB, 0, 0, 0)));
        SandboxRun run = SandboxRun.collect(p);

        assertThat(run.exit()).isNotZero();
        if ("cgroup".equals(p.usage().method())) {
            ResourceUsage u = Awaitility.await().until(p::usage, x -> x.limitHit() != null);
            assertThat(u.limitHit()).isEqualTo("memory");
        }
    }
}
