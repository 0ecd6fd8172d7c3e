package dev.errand.sandbox;

import static org.awaitility.Awaitility.await;

import dev.errand.protocol.LogStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A running sandbox's output, pumped into lists as it arrives, for tests. */
final class LiveOutput {
    private final SandboxProcess process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final Thread out;
    private final Thread err;

    private LiveOutput(SandboxProcess process) {
        this.process = process;
        out = LinePump.start(process.stdout(), LogStream.STDOUT, (s, text, ts) -> stdout.add(text), 1 << 16);
        err = LinePump.start(process.stderr(), LogStream.STDERR, (s, text, ts) -> stderr.add(text), 1 << 16);
    }

    /** Starts pumping {@code process}'s stdout and stderr. */
    static LiveOutput follow(SandboxProcess process) {
        return new LiveOutput(process);
    }

    /** Waits up to 10 s for {@code line} on stdout. */
    LiveOutput awaitStdout(String line) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stdout.contains(line));
        return this;
    }

    /** Waits for the exit and the end of both streams. */
    SandboxRun finish() throws InterruptedException {
        int exit = process.waitFor();
        out.join();
        err.join();
        return new SandboxRun(exit, List.copyOf(stdout), List.copyOf(stderr));
    }
}
