package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A warm pool of real sandboxes: each handed out once, refilled in the background. */
class WarmPoolTest {
    StandbyLauncher launcher;
    WarmPool pool;

    @BeforeEach
    void start() {
        launcher = new StandbyLauncher();
        assertThat(launcher.availability().available()).as(launcher.availability().detail()).isTrue();
        Language python = LanguageCatalogue.load().find("python").orElseThrow();
        Root host = new Root(Root.HOST, Optional.empty());
        pool = new WarmPool("python", () -> launcher.start(Specs.of(python, host, false, 1 << 20, 0)), 2);
        pool.resize(2);
    }

    @AfterEach
    void stop() {
        pool.close();
        launcher.close();
    }

    @Test
    void thePoolFillsToItsTargetAndEveryTakeGetsADifferentSandbox() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.waiting() == 2);
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            StandbySandbox s = pool.take();
            assertThat(s.isAlive()).isTrue();
            pids.add(s.pid());
            s.kill(Duration.ZERO);
        }

        assertThat(pids).hasSize(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.waiting() == 2);
    }

    @Test
    void aSandboxThatDiedWhileWaitingIsNeverHandedOut() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.waiting() == 2);
        StandbySandbox first = pool.take();
        first.kill(Duration.ZERO);
        List<StandbySandbox> rest = List.of(pool.take(), pool.take(), pool.take());

        assertThat(rest).allMatch(StandbySandbox::isAlive).noneMatch(s -> s.pid() == first.pid());
        rest.forEach(s -> s.kill(Duration.ZERO));
    }

    @Test
    void shrinkingToZeroKillsTheWaitingSandboxesAndTakingStillWorks() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.waiting() == 2);
        pool.resize(0);

        assertThat(pool.waiting()).isZero();
        StandbySandbox cold = pool.take();
        assertThat(cold.isAlive()).isTrue();
        cold.kill(Duration.ZERO);
    }
}
