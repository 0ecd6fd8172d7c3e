package dev.errand.server.code;

import dev.errand.protocol.ExecuteResult;
import dev.errand.sandbox.StandbySandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Job} in a fresh sandbox: takes a waiting sandbox of the language, writes the
 * whole request to its stdin, reads the stub's report, and turns it into a result. The sandbox
 * enforces memory, process, CPU and file limits itself; {@link StepTimers} stop a compiler or
 * program that overruns its wall-clock limit; a watchdog kills the whole sandbox if it outlives
 * both limits by {@link #SLACK} (a stub that stopped answering), which ends as {@code internal_error}.
 * Thread-safe: any number of runs at once.
 */
final class CodeRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodeRunner.class);
    /** How long past its limits a sandbox may take before the watchdog kills it. */
    static final Duration SLACK = Duration.ofSeconds(10);
    private static final int DIAGNOSTICS_BYTES = 16 * 1024;
    private final Pools pools;
    private final Roots roots;
    private final CompileCache cache;
    private final CodeLimits limits;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("errand-code-watchdog").daemon().unstarted(r));

    CodeRunner(Pools pools, Roots roots, CompileCache cache, CodeLimits limits) {
        this.pools = pools;
        this.roots = roots;
        this.cache = cache;
        this.limits = limits;
    }

    /** @return the finished result; failures of the server's own are {@code internal_error}, never thrown */
    ExecuteResult run(Job job) {
        Language l = job.language();
        Optional<Root> root = roots.resolve(l);
        if (root.isEmpty()) {
            return Results.failed(job, "language " + l.id() + " is no longer installed");
        }
        int compileTimeout = Results.compileTimeoutMs(job, limits);
        boolean caching = l.compiled() && l.cache() && cache.enabled();
        String key = caching ? CompileCache.key(job) : null;
        byte[] cached = caching ? cache.get(key).orElse(null) : null;
        byte[] request = StubRequest.of(job, limits, cached, caching && cached == null);
        StandbySandbox sandbox;
        try {
            sandbox = pools.take(l, root.get(), job.network());
        } catch (IOException e) {
            LOG.warn("cannot start a sandbox for {}: {}", l.id(), e.getMessage());
            return Results.failed(job, "cannot start a sandbox: " + e.getMessage());
        }
        long deadline = (l.compiled() ? compileTimeout : 0) + job.timeoutMs() + SLACK.toMillis();
        ScheduledFuture<?> kill = watchdog.schedule(() -> Thread.ofVirtual().start(() -> sandbox.kill(Duration.ZERO)),
                deadline, TimeUnit.MILLISECONDS);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        Thread errors = Thread.ofVirtual().start(() -> keep(sandbox.stderr(), diagnostics));
        try {
            long started = System.nanoTime();
            try (OutputStream in = sandbox.stdin()) {
                in.write(request);
            }
            StubReport.Parsed report = new StubReport(new StubReader(sandbox.stdout()), limits.maxOutputBytes())
                    .read(started, new StepTimers(watchdog, sandbox, compileTimeout, job.timeoutMs()));
            sandbox.waitFor();
            report.compilation().ifPresent(c -> {
                if (caching && c.succeeded() && !c.cached()) {
                    cache.put(key, c.artefacts());
                }
            });
            return Results.of(job, report, limits);
        } catch (IOException e) {
            sandbox.kill(Duration.ZERO);
            joinQuietly(errors);
            String why = kill.isDone() ? "the sandbox did not finish within its limits plus " + SLACK.toSeconds() + " s"
                    : e.getMessage();
            LOG.warn("code run {} ({}) failed: {}; sandbox said: {}", job.id(), l.id(), why, diagnostics.toString().strip());
            return Results.failed(job, why + diagnosticsSuffix(diagnostics));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.kill(Duration.ZERO);
            return Results.failed(job, "the server is stopping");
        } finally {
            kill.cancel(false);
        }
    }

    private static String diagnosticsSuffix(ByteArrayOutputStream diagnostics) {
        String text = diagnostics.toString().strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    /** Keeps the first bytes of the stub's own stderr (its errors) and drains the rest. */
    private static void keep(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (out) {
                    out.write(buf, 0, Math.max(0, Math.min(n, DIAGNOSTICS_BYTES - out.size())));
                }
            }
        } catch (IOException e) {
            // the sandbox is gone
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the watchdog; runs in progress still end (their sandboxes die with the launcher). */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
