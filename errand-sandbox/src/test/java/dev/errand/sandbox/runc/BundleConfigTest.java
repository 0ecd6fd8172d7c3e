package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OCI runtime config a container gets. */
class BundleConfigTest {
    static final Bundle BUNDLE = new Bundle(Path.of("/b/ex_1"));

    static ContainerSpec spec(boolean network, Limits limits) {
        return new ContainerSpec("ex_1", Path.of("/images/x"), List.of("/bin/sh", "-c", "true"), Map.of("A", "1"),
                "/workspace", 1000, 1000, Path.of("/w/ex_1"), "/workspace", network, "errand-1", limits, Map.of());
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> config, String... path) {
        Object o = config;
        for (String key : path) {
            o = ((Map<String, Object>) o).get(key);
        }
        return (T) o;
    }

    @Test
    void withoutNetworkTheContainerGetsItsOwnNetworkNamespaceAndSysfs() {
        Map<String, Object> c = BundleConfig.of(spec(false, Limits.NONE), BUNDLE, IdMapping.DEFAULT, CgroupLayout.V1);
        List<Map<String, Object>> ns = at(c, "linux", "namespaces");
        assertThat(ns).extracting(m -> m.get("type")).containsExactly("pid", "ipc", "uts", "mount", "user", "cgroup", "network");
        List<Map<String, Object>> mounts = at(c, "mounts");
        assertThat(mounts).extracting(m -> m.get("destination")).contains("/sys").doesNotContain("/etc/resolv.conf");
    }

    @Test
    void withTheHostsNetworkItSharesTheNamespaceAndGetsTheHostsResolver() {
        Map<String, Object> c = BundleConfig.of(spec(true, Limits.NONE), BUNDLE, IdMapping.DEFAULT, CgroupLayout.V1);
        List<Map<String, Object>> ns = at(c, "linux", "namespaces");
        assertThat(ns).extracting(m -> m.get("type")).doesNotContain("network");
        List<Map<String, Object>> mounts = at(c, "mounts");
        assertThat(mounts).extracting(m -> m.get("destination")).contains("/etc/resolv.conf").doesNotContain("/sys");
    }

    @Test
    void theProgramRunsAsTheImageUserWithExactlyItsEnvironmentAndNoNewPrivileges() {
        Map<String, Object> c = BundleConfig.of(spec(false, Limits.NONE), BUNDLE, IdMapping.DEFAULT, CgroupLayout.V1);
        assertThat((Object) at(c, "process", "user")).isEqualTo(Map.of("uid", 1000, "gid", 1000));
        assertThat((Object) at(c, "process", "env")).isEqualTo(List.of("A=1"));
        assertThat((Object) at(c, "process", "cwd")).isEqualTo("/workspace");
        assertThat((Object) at(c, "process", "noNewPrivileges")).isEqualTo(true);
        assertThat((List<String>) at(c, "process", "capabilities", "bounding")).doesNotContain("CAP_SYS_ADMIN", "CAP_NET_RAW");
        assertThat((Object) at(c, "root", "path")).isEqualTo("/b/ex_1/rootfs");
        List<Map<String, Object>> ids = at(c, "linux", "uidMappings");
        assertThat(ids).containsExactly(Map.of("containerID", 0, "hostID", 0x7000_0000L, "size", 65536));
    }

    @Test
    void limitsBecomeCgroupLimitsAndRlimits() {
        Map<String, Object> c = BundleConfig.of(spec(false, new Limits(64L << 20, 50, 30, 1 << 20)), BUNDLE,
                IdMapping.DEFAULT, CgroupLayout.V1);
        assertThat((Object) at(c, "linux", "resources", "memory")).isEqualTo(Map.of("limit", 64L << 20));
        assertThat((Object) at(c, "linux", "resources", "pids")).isEqualTo(Map.of("limit", 50));
        List<Map<String, Object>> rlimits = at(c, "process", "rlimits");
        assertThat(rlimits).extracting(m -> m.get("type")).containsExactly("RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_FSIZE");
        assertThat((Object) at(c, "linux", "cgroupsPath")).isEqualTo("errand/ex_1");
        assertThat((Object) BundleConfig.of(spec(false, Limits.NONE), BUNDLE, IdMapping.DEFAULT, CgroupLayout.V2)
                .get("linux")).asString().contains("cgroupsPath=/errand/ex_1");
    }
}
