package dev.errand.sandbox;

import static dev.errand.sandbox.Sandboxes.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a bubblewrap sandbox: SIGTERM, grace, SIGKILL, and nothing left behind. */
class BubblewrapKillTest {
    @TempDir
    Path work;

    BubblewrapLauncher launcher;

    @BeforeEach
    void launcher() {
        launcher = Sandboxes.bubblewrap();
    }

    @Test
    void aProgramThatHonoursSigtermStopsWellWithinTheGrace() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "echo started; sleep 1000"));
        LiveOutput.follow(p).awaitStdout("started");

        long t0 = System.nanoTime();
        p.kill(Duration.ofSeconds(20));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(p.isAlive()).isFalse();
        assertThat(p.waitFor()).isEqualTo(143);
    }

    @Test
    void aProgramThatTrapsSigtermIsKilledAfterTheGrace() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "trap 'echo got-term' TERM; echo started; while :; do sleep 0.1; done"));
        LiveOutput live = LiveOutput.follow(p).awaitStdout("started");

        long t0 = System.nanoTime();
        p.kill(Duration.ofMillis(700));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
        SandboxRun run = live.finish();
        assertThat(run.exit()).isEqualTo(137);
        assertThat(run.stdout()).as("SIGTERM reached the program first").contains("got-term");
    }

    @Test
    void backgroundChildrenAndOwnSessionsAreKilledToo() throws Exception {
        SandboxProcess p = launcher.start(sh(work,
                "sleep 1000 & setsid sleep 1001 & (sleep 1002 &) ; echo started; wait"));
        LiveOutput.follow(p).awaitStdout("started");
        await().until(() -> ProcessHandle.of(p.pid()).orElseThrow().descendants().count() >= 5);
        List<ProcessHandle> inside = ProcessHandle.of(p.pid()).orElseThrow().descendants().toList();

        p.kill(Duration.ofSeconds(2));

        assertThat(p.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(inside).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void whenTheProgramEndsWhatItLeftRunningIsKilledAndTheOutputEnds() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "sleep 1000 & setsid sleep 1001 & echo done"));
        long t0 = System.nanoTime();

        SandboxRun run = SandboxRun.collect(p);

        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).containsExactly("done");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void killIsIdempotentAndSafeAfterExit() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "true"));
        SandboxRun.collect(p);

        p.kill(Duration.ofSeconds(1));
        p.kill(Duration.ZERO);

        assertThat(p.waitFor()).isZero();
    }

    @Test
    void killWithZeroGraceSigkillsAtOnce() throws Exception {
        SandboxProcess p = launcher.start(sh(work, "trap '' TERM; echo started; sleep 1000"));
        LiveOutput.follow(p).awaitStdout("started");

        p.kill(Duration.ZERO);

        assertThat(p.waitFor()).isEqualTo(137);
    }
}
