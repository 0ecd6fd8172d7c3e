package dev.errand.server.execution;

import java.time.Duration;

/**
 * The execution feature's settings.
 *
 * @param maxConcurrent how many executions run at once on this server; more wait in QUEUED
 * @param defaultTimeoutSeconds the wall-clock limit when a request gives none
 * @param maxTimeoutSeconds the largest limit a request may ask for
 * @param killGrace time between SIGTERM and SIGKILL when an execution is stopped
 */
public record ExecutionConfig(int maxConcurrent, int defaultTimeoutSeconds, int maxTimeoutSeconds, Duration killGrace) {
    /** Defaults: 2 × cores concurrency (at least 4), 1 h default, 7 d max, 5 s grace. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 3600, 7 * 24 * 3600,
                Duration.ofSeconds(5));
    }
}
