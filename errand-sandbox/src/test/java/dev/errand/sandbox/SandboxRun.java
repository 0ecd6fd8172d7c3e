package dev.errand.sandbox;

import dev.errand.protocol.LogStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Reads {@code p}'s output to its end and waits for its exit. */
    static SandboxRun collect(SandboxProcess p) throws InterruptedException {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread o = LinePump.start(p.stdout(), LogStream.STDOUT, (s, text, ts) -> out.add(text), 1 << 16);
        Thread e = LinePump.start(p.stderr(), LogStream.STDERR, (s, text, ts) -> err.add(text), 1 << 16);
        CompletableFuture.delayedExecutor(WATCHDOG.toSeconds(), TimeUnit.SECONDS).execute(() -> p.kill(Duration.ZERO));
        int exit = p.waitFor();
        o.join();
        e.join();
        return new SandboxRun(exit, List.copyOf(out), List.copyOf(err));
    }

    /** @return stdout and stderr, for assertion messages */
    String output() {
        return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
