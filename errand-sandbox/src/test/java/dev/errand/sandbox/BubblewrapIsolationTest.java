package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a program inside a bubblewrap sandbox can and cannot see of the host. */
class BubblewrapIsolationTest {
    @TempDir
    Path work;

    BubblewrapLauncher launcher;

    @BeforeEach
    void launcher() {
        launcher = Sandboxes.bubblewrap();
    }

    @Test
    void theEnvironmentIsExactlyTheSpecsPlusPwdAndNothingOfTheHosts() throws Exception {
        SandboxSpec spec = new SandboxSpec(List.of("/usr/bin/env"), Map.of("A", "1", "B", "two words", "EMPTY", ""),
                work, false, "errand-test", Limits.NONE);

        SandboxRun run = SandboxRun.of(launcher, spec);

        assertThat(run.stdout()).as(run.output()).containsExactlyInAnyOrder("A=1", "B=two words", "EMPTY=", "PWD=/work");
    }

    @Test
    void theWorkDirIsWritableAndTheCurrentDirectory() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "pwd; echo hello > out.txt"));

        assertThat(run.stdout()).as(run.output()).containsExactly("/work");
        assertThat(Files.readString(work.resolve("out.txt"))).isEqualTo("hello\n");
    }

    @Test
    void usrIsReadOnly() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "touch /usr/errand-test"));

        assertThat(run.exit()).isNotZero();
        assertThat(String.join("\n", run.stderr())).contains("Read-only file system");
    }

    @Test
    void onlyWorkTmpAndDevShmAreWritable() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "for d in / /etc /dev /work /tmp /dev/shm; do"
                + " touch $d/errand-probe 2>/dev/null && echo \"writable $d\"; done"));

        assertThat(run.stdout()).as(run.output()).containsExactly("writable /work", "writable /tmp", "writable /dev/shm");
    }

    @Test
    void tmpIsPrivateToTheSandbox() throws Exception {
        String name = "errand-" + UUID.randomUUID();

        SandboxRun run = SandboxRun.of(launcher, sh(work, "echo x > /tmp/" + name + " && ls /tmp"));

        assertThat(run.stdout()).as(run.output()).containsExactly(name);
        assertThat(Path.of("/tmp", name)).doesNotExist();
    }

    @Test
    void onlyTheAllowListOfTheHostsFilesIsVisible() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work,
                "ls /; test -r /etc/passwd && echo passwd; test -e /etc/shadow || echo no-shadow"));

        assertThat(run.stdout()).as(run.output())
                .contains("usr", "etc", "tmp", "work", "proc", "dev", "passwd", "no-shadow")
                .doesNotContain("root", "home", "var", "run", "opt", "srv", "mnt");
    }

    @Test
    void theProgramSeesOnlyTheSandboxsProcesses() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "ls /proc | grep -E '^[0-9]+$'"));

        assertThat(run.stdout()).as(run.output()).contains("1").hasSizeLessThanOrEqualTo(4)
                .allSatisfy(pid -> assertThat(Integer.parseInt(pid)).isLessThan(10));
    }

    @Test
    void withoutNetworkOnlyLoopbackExists() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '"));

        assertThat(run.stdout()).as(run.output()).containsExactly("lo");
    }

    @Test
    void withNetworkTheHostsInterfacesAreVisible() throws Exception {
        SandboxSpec spec = new SandboxSpec(List.of("/bin/sh", "-c", "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '"),
                Sandboxes.PATH_ONLY, work, true, "errand-test", Limits.NONE);
        List<String> host = Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
                .map(line -> line.substring(0, line.indexOf(':')).strip()).toList();

        SandboxRun run = SandboxRun.of(launcher, spec);

        assertThat(run.stdout()).as(run.output()).containsExactlyInAnyOrderElementsOf(host);
    }

    @Test
    void theHostnameIsTheSpecs() throws Exception {
        SandboxSpec spec = new SandboxSpec(List.of("/bin/cat", "/proc/sys/kernel/hostname"), Map.of(), work,
                false, "build-42.errand", Limits.NONE);

        assertThat(SandboxRun.of(launcher, spec).stdout()).containsExactly("build-42.errand");
    }

    @Test
    void theProgramIsNotRootAndHoldsNoCapabilities() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work,
                "id -u; grep -E '^(CapEff|CapPrm|CapBnd|CapAmb|NoNewPrivs):' /proc/self/status | tr -d '\\t'"));

        String expectedUid = Sandboxes.hostIsRoot() ? "65534" : Integer.toString(HostUser.effectiveUid());
        assertThat(run.stdout()).as(run.output()).containsExactly(expectedUid,
                "CapPrm:0000000000000000", "CapEff:0000000000000000", "CapBnd:0000000000000000",
                "CapAmb:0000000000000000", "NoNewPrivs:1");
    }

    @Test
    void filesWrittenInTheWorkDirBelongToTheSandboxUserOnTheHost() throws Exception {
        SandboxRun.of(launcher, sh(work, "echo x > made-inside"));

        int expected = Sandboxes.hostIsRoot() ? HostUser.SANDBOX_UID : HostUser.effectiveUid();
        assertThat(Files.getAttribute(work.resolve("made-inside"), "unix:uid")).isEqualTo(expected);
    }
}
