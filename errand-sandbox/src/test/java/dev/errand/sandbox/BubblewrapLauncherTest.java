package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapLauncherTest {
    @TempDir
    Path work;

    BubblewrapLauncher launcher;

    @BeforeEach
    void launcher() {
        launcher = Sandboxes.bubblewrap();
    }

    @Test
    void reportsItsVersionWhenAvailable() {
        assertThat(launcher.name()).isEqualTo("bubblewrap");
        assertThat(launcher.availability().detail()).startsWith("bubblewrap 0.");
    }

    @Test
    void stdoutAndStderrArriveOnTheirOwnStreams() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "echo out; echo err >&2; echo out2"));

        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).containsExactly("out", "out2");
        assertThat(run.stderr()).containsExactly("err");
    }

    @Test
    void exitCodesAreThoseOfTheProgram() throws Exception {
        assertThat(SandboxRun.of(launcher, sh(work, "true")).exit()).isZero();
        assertThat(SandboxRun.of(launcher, sh(work, "exit 3")).exit()).isEqualTo(3);
    }

    @Test
    void aMissingCommandExits127WithTheShellsMessage() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "no-such-command-errand"));

        assertThat(run.exit()).isEqualTo(127);
        assertThat(String.join("\n", run.stderr())).contains("no-such-command-errand").contains("not found");
    }

    @Test
    void aMissingProgramWithoutAShellExits127() throws Exception {
        SandboxSpec spec = new SandboxSpec(List.of("/no/such/program"), Sandboxes.PATH_ONLY, work, false,
                "errand-test", Limits.NONE);

        SandboxRun run = SandboxRun.of(launcher, spec);

        assertThat(run.exit()).as(run.output()).isEqualTo(127);
        assertThat(String.join("\n", run.stderr())).contains("/no/such/program");
    }

    @Test
    void aProgramKilledBySignalReports128PlusTheSignal() throws Exception {
        assertThat(SandboxRun.of(launcher, sh(work, "kill -9 $$")).exit()).isEqualTo(137);
    }

    @Test
    void stdinIsEmpty() throws Exception {
        SandboxRun run = SandboxRun.of(launcher, sh(work, "cat; echo \"cat=$?\""));

        assertThat(run.stdout()).containsExactly("cat=0");
    }

    @Test
    void aMissingBubblewrapIsExplainedWithTheInstallCommand() {
        BubblewrapLauncher missing = new BubblewrapLauncher(work.resolve("bwrap"));

        assertThat(missing.availability().available()).isFalse();
        assertThat(missing.availability().detail()).isEqualTo("bubblewrap is not installed: run"
                + " 'sudo apt-get install -y bubblewrap' (Debian/Ubuntu) or 'sudo dnf install -y bubblewrap'");
        assertThatThrownBy(() -> missing.start(sh(work, "true")))
                .isInstanceOf(IOException.class).hasMessageContaining("bubblewrap is not installed");
    }

    @Test
    void aBubblewrapThatCannotCreateNamespacesIsExplainedWithItsErrorAndTheSysctls() throws Exception {
        Path dir = Files.createTempDirectory("errand-fake-bwrap", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path fake = dir.resolve("bwrap");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'bubblewrap 0.8.0'; exit 0; }\n"
                + "echo 'bwrap: No permissions to create new namespace' >&2; exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Availability a = new BubblewrapLauncher(fake).availability();

            assertThat(a.available()).isFalse();
            assertThat(a.detail()).contains("bubblewrap 0.8.0 is installed but cannot start a sandbox (exit 1)")
                    .contains("No permissions to create new namespace")
                    .contains("sysctl user.max_user_namespaces", "kernel.unprivileged_userns_clone");
        } finally {
            Files.delete(fake);
            Files.delete(dir);
        }
    }

    @Test
    void aWorkDirTheSandboxUserCannotReachIsRefusedWithTheFix() throws Exception {
        assumeTrue(Sandboxes.hostIsRoot(), "only root drops to another user");
        Path locked = Files.createTempDirectory("errand-locked", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            Path inner = Files.createDirectory(locked.resolve("work"));

            assertThatThrownBy(() -> launcher.start(sh(inner, "true")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not reachable by the sandbox user")
                    .hasMessageContaining("chmod o+x " + locked.toRealPath());
        } finally {
            Files.deleteIfExists(locked.resolve("work"));
            Files.delete(locked);
        }
    }
}
