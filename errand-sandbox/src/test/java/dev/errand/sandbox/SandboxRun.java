package dev.errand.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox run to its end, for tests: exit code and every stdout and stderr line.
 *
 * @param exit the exit code
 * @param stdout the stdout lines
 * @param stderr the stderr lines
 */
record SandboxRun(int exit, List<String> stdout, List<String> stderr) {
    private static final Duration WATCHDOG = Duration.ofSeconds(60);

    /** Starts {@code spec} and waits for it to end (a watchdog kills it after a minute). */
    static SandboxRun of(SandboxLauncher launcher, SandboxSpec spec) throws IOException, InterruptedException {
        return collect(launcher.start(spec));
    }

    /** Reads {@code p}'s output to its end and waits for its exit (a watchdog kills it after a minute). */
    static SandboxRun collect(SandboxProcess p) throws InterruptedException {
        LiveOutput live = LiveOutput.follow(p);
        CompletableFuture.delayedExecutor(WATCHDOG.toSeconds(), TimeUnit.SECONDS).execute(() -> p.kill(Duration.ZERO));
        return live.finish();
    }

    /** @return stdout and stderr, for assertion messages */
    String output() {
        return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
