package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's environment (secrets included) reaches the program and nothing else on the host. */
class BubblewrapSecrecyTest {
    @TempDir
    Path work;

    @Test
    void secretsAppearInNoHostCommandLineAndInNoRootProcessEnvironment() throws Exception {
        BubblewrapLauncher launcher = Sandboxes.bubblewrap();
        String secret = "errand-secret-" + UUID.randomUUID();
        SandboxSpec spec = new SandboxSpec(List.of("/bin/sh", "-c", "echo started; exec sleep 1000"),
                Map.of("PATH", "/usr/bin:/bin", "TOKEN", secret), work, false, "errand-test", Limits.NONE);
        SandboxProcess p = launcher.start(spec);
        try {
            LiveOutput.follow(p).awaitStdout("started");

            assertThat(processesContaining("cmdline", secret, false)).isEmpty();
            assertThat(processesContaining("environ", secret, true)).isEmpty();
            assertThat(processesContaining("environ", secret, false)).as("the program itself has it").isNotEmpty();
        } finally {
            p.kill(Duration.ZERO);
        }
    }

    /** @return pids whose /proc file contains {@code needle}, only root's processes when {@code rootOnly} */
    private static List<String> processesContaining(String file, String needle, boolean rootOnly) throws IOException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    if (rootOnly && !Files.getAttribute(proc, "unix:uid").equals(0)) {
                        continue;
                    }
                    String content = new String(Files.readAllBytes(proc.resolve(file)), StandardCharsets.UTF_8);
                    if (content.contains(needle)) {
                        found.add(proc.getFileName() + ": " + content.replace('\0', ' '));
                    }
                } catch (IOException gone) {
                    // the process exited while we looked
                }
            }
        }
        return found;
    }
}
