package dev.errand.server.code;

import dev.errand.sandbox.StandbySandbox;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces the wall-clock limits of one run's compile and run steps: when a step overruns, the
 * stub gets SIGTERM and kills the step itself (see {@link StubRequest} and {@code errand-stub.c}), so it still reports the
 * output written so far. Thread-safe: armed by the reading thread, fired by the scheduler.
 */
final class StepTimers implements StubReport.Steps {
    private final ScheduledExecutorService scheduler;
    private final StandbySandbox sandbox;
    private final long compileMs;
    private final long runMs;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile ScheduledFuture<?> pending;

    /**
     * @param scheduler runs the kills
     * @param sandbox the run's sandbox
     * @param compileMs the compile step's limit
     * @param runMs the run step's limit
     */
    StepTimers(ScheduledExecutorService scheduler, StandbySandbox sandbox, long compileMs, long runMs) {
        this.scheduler = scheduler;
        this.sandbox = sandbox;
        this.compileMs = compileMs;
        this.runMs = runMs;
    }

    @Override
    public void compiling() {
        arm(compileMs);
    }

    @Override
    public boolean compiled() {
        return disarm();
    }

    @Override
    public void running() {
        arm(runMs);
    }

    @Override
    public boolean ended() {
        return disarm();
    }

    private void arm(long millis) {
        fired.set(false);
        pending = scheduler.schedule(() -> Thread.ofVirtual().start(() -> {
            fired.set(true);
            sandbox.terminateFirst();
        }), millis, TimeUnit.MILLISECONDS);
    }

    /** @return whether the step's timer fired */
    private boolean disarm() {
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        return fired.get();
    }
}
