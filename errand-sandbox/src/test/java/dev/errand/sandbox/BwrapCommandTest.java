package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of the bubblewrap command, independent of whether bubblewrap is installed. */
class BwrapCommandTest {
    private static final Path STUB = Path.of("/s/errand-stub");
    private static final SandboxSpec SPEC = new SandboxSpec(List.of("/bin/sh", "-c", "make"),
            Map.of("TOKEN", "s3cret"), Path.of("/var/lib/errand/w1"), false, "errand-w1", new Limits(0, 10, 0, 0));

    @Test
    void theHostCommandDropsToNobodyWhenRootAndCarriesNoEnvironment() {
        List<String> cmd = BwrapCommand.hostCommand(host("0.8.0", true), STUB, SPEC);

        assertThat(String.join(" ", cmd)).isEqualTo("/s/errand-stub launch --setsid --user 65534:65534 --stdin-to-fd3 --"
                + " /usr/bin/bwrap --args 3 -- /.errand/stub launch --rlimit core=0 --rlimit nproc=10 -- /bin/sh -c make");
    }

    @Test
    void anUnprivilegedServerKeepsItsUserAndCpuTimeGetsASecondOfGrace() {
        SandboxSpec cpu = new SandboxSpec(SPEC.argv(), SPEC.env(), SPEC.workDir(), false, "h", new Limits(0, 0, 5, 0));

        List<String> cmd = BwrapCommand.hostCommand(host("0.8.0", false), STUB, cpu);

        assertThat(String.join(" ", cmd)).isEqualTo("/s/errand-stub launch --setsid --stdin-to-fd3 --"
                + " /usr/bin/bwrap --args 3 -- /.errand/stub launch --rlimit core=0 --rlimit cpu=5:6 -- /bin/sh -c make");
    }

    @Test
    void theOptionsIsolateEverythingAndCarryTheEnvironment() {
        String options = String.join(" ", BwrapCommand.options(host("0.8.0", false), STUB, SPEC));

        assertThat(options).startsWith("--die-with-parent --unshare-user --disable-userns --unshare-pid --unshare-ipc"
                + " --unshare-uts --unshare-cgroup-try --unshare-net --hostname errand-w1 --cap-drop ALL --ro-bind /usr /usr")
                .contains("--ro-bind /s/errand-stub /.errand/stub --proc /proc --dev /dev --perms 1777 --tmpfs /dev/shm --perms 1777 --tmpfs /tmp"
                        + " --bind /var/lib/errand/w1 /work --remount-ro /dev --remount-ro / --chdir /work")
                .endsWith("--clearenv --setenv TOKEN s3cret");
    }

    @Test
    void theMemoryLimitAlsoSizesTheScratchFilesystems() {
        SandboxSpec limited = new SandboxSpec(SPEC.argv(), SPEC.env(), SPEC.workDir(), true, "h",
                new Limits(1024, 0, 0, 0));

        String options = String.join(" ", BwrapCommand.options(host("0.8.0", false), STUB, limited));

        assertThat(options).contains("--size 1024 --perms 1777 --tmpfs /dev/shm --size 1024 --perms 1777 --tmpfs /tmp")
                .doesNotContain("--unshare-net");
    }

    @Test
    void optionsOlderBubblewrapLacksAreLeftOut() {
        String options = String.join(" ", BwrapCommand.options(host("0.6.1", false), STUB, SPEC));

        assertThat(options).doesNotContain("--disable-userns", "--perms", "--size");
    }

    @Test
    void optionsAreEncodedNulSeparatedAndMayNotHoldNul() {
        assertThat(new String(BwrapCommand.encode(List.of("--setenv", "K", "a b")), StandardCharsets.UTF_8))
                .isEqualTo("--setenv\0K\0a b\0");
        assertThatThrownBy(() -> BwrapCommand.encode(List.of("x\0y"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static BwrapHost host(String version, boolean root) {
        return new BwrapHost(Path.of("/usr/bin/bwrap"), BwrapVersion.parse("bubblewrap " + version), root,
                List.of("--ro-bind", "/usr", "/usr"));
    }
}
