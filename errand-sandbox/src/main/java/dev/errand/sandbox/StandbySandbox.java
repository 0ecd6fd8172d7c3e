package dev.errand.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * A sandbox started by {@link StandbyLauncher}: a {@link SandboxProcess} whose program's standard
 * input is a pipe the caller writes to. Everything else is as for {@link SandboxProcess}: the whole
 * sandbox dies when its first program exits, and {@link #kill} reaches every process in it.
 * Thread-safe, with one writer of {@link #stdin()} at a time.
 */
public final class StandbySandbox implements SandboxProcess {
    private final Process process;
    private final GroupProcess group;

    StandbySandbox(Process process) {
        this.process = process;
        this.group = new GroupProcess(process, new NamespaceSignals(process.toHandle()));
    }

    /**
     * Sends SIGTERM to the sandbox's first program only, not to what it started. A program that
     * traps it can stop its own work in an orderly way (the code stub kills what it runs, then
     * reports).
     *
     * @return true when the first program was found and signalled
     */
    public boolean terminateFirst() {
        return process.toHandle().children()
                .flatMap(init -> init.children().min(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MAX))).stream())
                .map(ProcessHandle::destroy)
                .reduce(false, Boolean::logicalOr);
    }

    /** @return the program's standard input; close it to send EOF */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public long pid() {
        return group.pid();
    }

    @Override
    public InputStream stdout() {
        return group.stdout();
    }

    @Override
    public InputStream stderr() {
        return group.stderr();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return group.waitFor();
    }

    @Override
    public boolean isAlive() {
        return group.isAlive();
    }

    @Override
    public void kill(Duration grace) {
        group.kill(grace);
    }

    @Override
    public String toString() {
        return "standby " + group;
    }
}
