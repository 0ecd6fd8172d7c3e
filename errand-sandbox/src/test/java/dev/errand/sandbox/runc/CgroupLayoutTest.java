package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cgroup layouts runc can limit containers on, and reading usage from each. */
class CgroupLayoutTest {
    @TempDir
    Path root;

    @Test
    void aUnifiedHierarchyWithMemoryAndPidsIsV2() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma\n");
        assertThat(CgroupLayout.detect(root)).isEqualTo(CgroupLayout.V2);
    }

    @Test
    void aUnifiedHierarchyWithoutTheMemoryControllerIsUnsupported() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu io pids\n");
        assertThatThrownBy(() -> CgroupLayout.detect(root)).hasMessageContaining("cgroup layout unsupported")
                .hasMessageContaining("memory or pids");
    }

    @Test
    void separateMemoryPidsAndCpuacctHierarchiesAreV1() throws IOException {
        for (String c : new String[] {"memory", "pids", "cpuacct"}) {
            Files.createDirectories(root.resolve(c));
            Files.writeString(root.resolve(c).resolve("cgroup.procs"), "");
        }
        assertThat(CgroupLayout.detect(root)).isEqualTo(CgroupLayout.V1);
    }

    @Test
    void noUsableHierarchyIsUnsupportedAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> CgroupLayout.detect(root)).hasMessageContaining("cgroup layout unsupported")
                .hasMessageContaining("'memory'");
    }

    @Test
    void usageIsReadFromTheContainersCgroupFiles() throws IOException {
        Path memory = Files.createDirectories(root.resolve("memory/errand/x"));
        Path cpu = Files.createDirectories(root.resolve("cpuacct/errand/x"));
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "67108864\n");
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
        Files.writeString(cpu.resolve("cpuacct.usage"), "1500000000\n");
        ContainerUsage v1 = CgroupLayout.V1.usage(Map.of("memory", memory.toString(), "cpuacct", cpu.toString()));
        assertThat(v1).isEqualTo(new ContainerUsage(1.5, 64L << 20, true));
        Path unified = Files.createDirectories(root.resolve("unified/errand/x"));
        Files.writeString(unified.resolve("cpu.stat"), "usage_usec 250000\nuser_usec 200000\n");
        Files.writeString(unified.resolve("memory.peak"), "1048576\n");
        Files.writeString(unified.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 0\n");
        assertThat(CgroupLayout.V2.usage(Map.of("", unified.toString()))).isEqualTo(new ContainerUsage(0.25, 1 << 20, false));
        assertThat(CgroupLayout.V2.usage(Map.of())).isEqualTo(new ContainerUsage(0, 0, false));
    }
}
