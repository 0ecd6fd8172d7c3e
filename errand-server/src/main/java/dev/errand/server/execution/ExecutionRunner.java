package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.StreamEvent;
import dev.errand.sandbox.Limits;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionSpec;
import dev.errand.server.driver.RunningExecution;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.UsageView;
import dev.errand.server.git.GitCheckout;
import dev.errand.server.image.Image;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.logs.LogPolicy;
import dev.errand.server.logs.LogService;
import dev.errand.server.logs.LogWriter;
import dev.errand.server.logs.SecretMasker;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final Runbooks runbooks;
    private final Clock clock;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("execution-timeouts").daemon().factory());

    ExecutionRunner(Database db, ExecutionStore store, LogService logs, Drivers drivers, ImageCatalog images,
            ExecutionConfig config, Runbooks runbooks, Clock clock) {
        this.runbooks = runbooks;
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
        ActiveRun run = active.computeIfAbsent(e.id(), k -> new ActiveRun(config.killGrace()));
        Map<String, String> secrets;
        String token;
        Image image;
        try {
            secrets = runbooks.secrets().resolve(e.secrets());
            token = gitToken(e);
            image = images.resolve(e.image());
        } catch (RuntimeException ex) {
            try (LogWriter log = logs.openWriter(e.id())) {
                log.system("could not start: " + ex.getMessage());
            }
            finish(e, new Outcome(ExecutionStatus.FAILED, null, "could not start: " + ex.getMessage(), false), run);
            active.remove(e.id());
            return;
        }
        LogPolicy policy = policy(e, secrets, token);
        complete(e, run, policy, logs.openWriter(e.id(), policy),
                log -> execute(e, spec(e, secrets, image, token), run, log));
    }

    /**
     * Follows an execution its driver re-attached to after a server restart, to its end; the
     * timeout counts from its original start. Never throws.
     *
     * @param log the writer its driver delivers output to, opened with {@link #logPolicy}; closed here
     */
    void resume(Execution e, RunningExecution handle, LogWriter log) {
        ActiveRun run = active.computeIfAbsent(e.id(), k -> new ActiveRun(config.killGrace()));
        long timeout = e.timeoutSeconds() * 1000L;
        if (e.startedAt() != null) {
            timeout -= clock.millis() - e.startedAt().toEpochMilli();
        }
        log.system("re-attached after a server restart");
        long remaining = Math.max(0, timeout);
        complete(e, run, logPolicy(e), log,
                l -> follow(e, run, l, handle, e.status() == ExecutionStatus.RUNNING, remaining));
    }

    /**
     * The log policy an execution's output is written under: its secrets masked, its output cap.
     * Falls back to no masking when its secrets can no longer be read (deleted while it ran).
     */
    LogPolicy logPolicy(Execution e) {
        try {
            return policy(e, runbooks.secrets().resolve(e.secrets()), gitToken(e));
        } catch (RuntimeException ex) {
            LOG.warn("execution {}: cannot resolve its secrets for masking: {}", e.id(), ex.getMessage());
            return new LogPolicy(SecretMasker.of(List.of()), outputCap(e));
        }
    }

    private String gitToken(Execution e) {
        return e.git() == null || e.git().tokenSecret() == null ? null
                : runbooks.secrets().resolve(List.of(e.git().tokenSecret())).values().iterator().next();
    }

    private LogPolicy policy(Execution e, Map<String, String> secrets, String token) {
        List<String> masked = new ArrayList<>(secrets.values());
        if (token != null) {
            masked.add(token);
        }
        return new LogPolicy(SecretMasker.of(masked), outputCap(e));
    }

    private void complete(Execution e, ActiveRun run, LogPolicy policy, LogWriter writer,
            java.util.function.Function<LogWriter, Outcome> body) {
        try (LogWriter log = writer) {
            Outcome outcome = body.apply(log);
            log.close();
            if (log.outputCut()) {
                String cut = "output cut at " + policy.outputCapBytes() + " bytes";
                outcome = new Outcome(outcome.status(), outcome.exitCode(),
                        outcome.reason() == null ? cut : outcome.reason() + "; " + cut, outcome.wasRunning());
            }
            finish(e, outcome, run);
        } catch (RuntimeException ex) {
            LOG.error("execution {} failed inside the server", e.id(), ex);
            finish(e, new Outcome(ExecutionStatus.FAILED, null, "internal error: " + ex.getMessage(), false), run);
        } finally {
            active.remove(e.id());
        }
    }

    private long outputCap(Execution e) {
        Long requested = e.limits().outputBytes();
        return requested == null ? runbooks.outputCapBytes() : Math.min(requested, runbooks.outputCapBytes());
    }

    private Outcome execute(Execution e, ExecutionSpec spec, ActiveRun run, LogWriter log) {
        RunningExecution handle;
        try {
            handle = drivers.get(e.driver()).start(spec, log);
        } catch (Exception ex) {
            log.system("could not start the sandbox: " + ex.getMessage());
            return new Outcome(ExecutionStatus.FAILED, null, "could not start: " + ex.getMessage(), false);
        }
        return follow(e, run, log, handle, false, e.timeoutSeconds() * 1000L);
    }

    private Outcome follow(Execution e, ActiveRun run, LogWriter log, RunningExecution handle, boolean wasRunning,
            long timeoutMillis) {
        run.started(handle);
        long now = clock.millis();
        boolean running = wasRunning || db.write(h -> store.transition(h, e.id(), ExecutionStatus.STARTING,
                ExecutionStatus.RUNNING, now, null, null, null));
        run.running(wasRunning && e.startedAt() != null ? e.startedAt().toEpochMilli() : now);
        ScheduledFuture<?> timeout = timer.schedule(() -> run.end(EndCause.TIMED_OUT, null),
                timeoutMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> cpuWatch = cpuWatch(e, handle, run);
        int exit;
        try {
            exit = handle.awaitExit();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            handle.kill(config.killGrace());
            return new Outcome(ExecutionStatus.LOST, null, "the server was interrupted while waiting", running);
        } finally {
            timeout.cancel(false);
            cpuWatch.cancel(false);
        }
        run.usage(handle.usage());
        return Outcomes.of(e, exit, run.cause(), run.killedBy(), run.usage(), log, running);
    }

    /** Ends the execution once all its processes together used more CPU time than its limit. */
    private ScheduledFuture<?> cpuWatch(Execution e, RunningExecution handle, ActiveRun run) {
        Integer limit = e.limits().cpuSeconds();
        if (limit == null) {
            return timer.schedule(() -> { }, 0, TimeUnit.SECONDS);
        }
        return timer.scheduleAtFixedRate(() -> {
            Double used = handle.usage().cpuSeconds();
            if (used != null && used > limit) {
                run.end(EndCause.CPU_LIMIT, null);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private ExecutionSpec spec(Execution e, Map<String, String> secrets, Image image, String token) {
        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.putAll(e.env());
        env.putAll(secrets);
        env.put("ERRAND_EXECUTION_ID", e.id());
        ExecutionLimits l = e.limits();
        Limits limits = new Limits(l.memoryMb() == null ? 0 : l.memoryMb() * 1024L * 1024L,
                l.maxProcesses() == null ? 0 : l.maxProcesses(), l.cpuSeconds() == null ? 0 : l.cpuSeconds(), 0);
        GitCheckout git = e.git() == null ? null : new GitCheckout(e.git(), token);
        String chdir = git != null ? git.startDir() : image.view().workdir();
        return new ExecutionSpec(e.id(), e.command(), e.image(), env, e.network(), limits, image.rootfs(), chdir,
                image.uid(), git);
    }

    private void finish(Execution e, Outcome o, ActiveRun run) {
        String id = e.id();
        ExecutionStatus from = o.wasRunning() ? ExecutionStatus.RUNNING : ExecutionStatus.STARTING;
        long end = clock.millis();
        UsageView usage = Usages.of(e, run, end, runbooks.rates());
        boolean moved = db.write(h -> {
            boolean ok = store.transition(h, id, from, o.status(), null, end, o.exitCode(), o.reason());
            if (ok) {
                store.recordUsage(h, id, usage);
            }
            return ok;
        });
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
