package dev.errand.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

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
