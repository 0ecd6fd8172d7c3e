package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionSpec;
import dev.errand.server.driver.RunningExecution;
import dev.errand.server.image.Image;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.logs.LogService;
import dev.errand.server.logs.LogWriter;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one execution from {@code STARTING} to its terminal status: starts it with its
 * driver, enforces the timeout, applies kills, stores every output line, then records the
 * outcome and tells followers. Thread-safe; each {@link #run} runs on its own virtual thread.
 */
final class ExecutionRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);
    private final Database db;
    private final ExecutionStore store;
    private final LogService logs;
    private final Drivers drivers;
    private final ImageCatalog images;
    private final ExecutionConfig config;
    private final Clock clock;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("execution-timeouts").daemon().factory());

    ExecutionRunner(Database db, ExecutionStore store, LogService logs, Drivers drivers, ImageCatalog images,
            ExecutionConfig config, Clock clock) {
        this.db = db;
        this.store = store;
        this.logs = logs;
        this.drivers = drivers;
        this.images = images;
        this.config = config;
        this.clock = clock;
    }

    /** Registers an execution that was just claimed (now {@code STARTING}) so kills can reach it. */
    void claimed(String executionId) {
        active.put(executionId, new ActiveRun(config.killGrace()));
    }

    /**
     * Asks the runner to end an execution it runs.
     *
     * @return false when this runner does not run it (not claimed yet, or already finished)
     */
    boolean end(String executionId, EndCause cause, String by) {
        ActiveRun run = active.get(executionId);
        if (run == null) {
            return false;
        }
        run.end(cause, by);
        return true;
    }

    /** Runs a claimed execution to its end. Never throws. */
    void run(Execution e) {
        complete(e, logs.openWriter(e.id()), (run, log) -> execute(e, run, log));
    }

    /**
     * Follows an execution its driver re-attached to after a server restart, to its end; the
     * timeout counts from its original start. Never throws.
     *
     * @param log the writer its driver delivers output to; closed here
     */
    void resume(Execution e, RunningExecution handle, LogWriter log) {
        long timeout = e.timeoutSeconds() * 1000L;
        if (e.startedAt() != null) {
            timeout -= clock.millis() - e.startedAt().toEpochMilli();
        }
        log.system("re-attached after a server restart");
        long remaining = Math.max(0, timeout);
        complete(e, log, (run, l) -> follow(e, run, l, handle, e.status() == ExecutionStatus.RUNNING, remaining));
    }

    private void complete(Execution e, LogWriter writer, java.util.function.BiFunction<ActiveRun, LogWriter, Outcome> body) {
        ActiveRun run = active.computeIfAbsent(e.id(), k -> new ActiveRun(config.killGrace()));
        try (LogWriter log = writer) {
            Outcome outcome = body.apply(run, log);
            log.close();
            finish(e.id(), outcome);
        } catch (RuntimeException ex) {
            LOG.error("execution {} failed inside the server", e.id(), ex);
            finish(e.id(), new Outcome(ExecutionStatus.FAILED, null, "internal error: " + ex.getMessage(), false));
        } finally {
            active.remove(e.id());
        }
    }

    private Outcome execute(Execution e, ActiveRun run, LogWriter log) {
        RunningExecution handle;
        try {
            handle = drivers.get(e.driver()).start(spec(e), log);
        } catch (Exception ex) {
            log.system("could not start the sandbox: " + ex.getMessage());
            return new Outcome(ExecutionStatus.FAILED, null, "could not start: " + ex.getMessage(), false);
        }
        return follow(e, run, log, handle, false, e.timeoutSeconds() * 1000L);
    }

    private Outcome follow(Execution e, ActiveRun run, LogWriter log, RunningExecution handle, boolean wasRunning,
            long timeoutMillis) {
        run.started(handle);
        boolean running = wasRunning || db.write(h -> store.transition(h, e.id(), ExecutionStatus.STARTING,
                ExecutionStatus.RUNNING, clock.millis(), null, null, null));
        ScheduledFuture<?> timeout = timer.schedule(() -> run.end(EndCause.TIMED_OUT, null),
                timeoutMillis, TimeUnit.MILLISECONDS);
        int exit;
        try {
            exit = handle.awaitExit();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            handle.kill(config.killGrace());
            return new Outcome(ExecutionStatus.LOST, null, "the server was interrupted while waiting", running);
        } finally {
            timeout.cancel(false);
        }
        handle.usage().ifPresent(u -> log.system(u.describe()));
        return Outcomes.of(e, exit, run.cause(), run.killedBy(), log, running, handle.usage());
    }

    private ExecutionSpec spec(Execution e) {
        Image image = images.resolve(e.image());
        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.putAll(e.env());
        env.put("ERRAND_EXECUTION_ID", e.id());
        return new ExecutionSpec(e.id(), e.command(), e.image(), env, e.network(), image.limits());
    }

    private void finish(String id, Outcome o) {
        ExecutionStatus from = o.wasRunning() ? ExecutionStatus.RUNNING : ExecutionStatus.STARTING;
        boolean moved = db.write(h -> store.transition(h, id, from, o.status(), null, clock.millis(), o.exitCode(),
                o.reason()));
        if (!moved) {
            LOG.warn("execution {} was no longer {} when it ended as {}", id, from, o.status());
        }
        logs.bus().publishEnd(id, new StreamEvent.Status(o.status(), o.exitCode(), o.reason()));
    }

    /** Ends every running execution (server shutdown) and waits up to {@code waitMs} for them. */
    @Override
    public void close() {
        active.values().forEach(r -> r.end(EndCause.SHUTDOWN, null));
        long deadline = System.currentTimeMillis() + config.killGrace().toMillis() + 5_000;
        while (!active.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
    }
}
