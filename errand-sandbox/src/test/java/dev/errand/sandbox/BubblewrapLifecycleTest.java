package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox lives exactly as long as its program, its launcher and the JVM. */
class BubblewrapLifecycleTest {
    @TempDir
    Path work;

    @Test
    void aSandboxOutlivesTheThreadThatStartedIt() throws Exception {
        BubblewrapLauncher launcher = Sandboxes.bubblewrap();
        AtomicReference<SandboxProcess> started = new AtomicReference<>();
        Thread shortLived = Thread.ofPlatform().start(() -> {
            try {
                SandboxProcess p = launcher.start(sh(work, "echo started; sleep 1000"));
                LiveOutput.follow(p).awaitStdout("started"); // bubblewrap has armed its parent-death signal
                started.set(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        shortLived.join();
        SandboxProcess p = started.get();

        Thread.sleep(500);

        assertThat(p.isAlive()).as("killed when the starting thread exited").isTrue();
        p.kill(Duration.ZERO);
    }

    @Test
    void closingTheLauncherKillsItsSandboxesAndRefusesNewOnes() throws Exception {
        BubblewrapLauncher launcher = Sandboxes.bubblewrap();
        SandboxProcess p = launcher.start(sh(work, "echo started; sleep 1000"));
        LiveOutput live = LiveOutput.follow(p).awaitStdout("started");

        launcher.close();

        assertThat(live.finish().exit()).isEqualTo(137);
        assertThatThrownBy(() -> launcher.start(sh(work, "true")))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
