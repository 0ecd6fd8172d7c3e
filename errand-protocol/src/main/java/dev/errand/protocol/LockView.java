package dev.errand.protocol;

import java.time.Instant;

/**
 * A held lock, from {@code GET /api/v1/locks}.
 *
 * @param name the lock's name
 * @param executionId the execution holding it
 * @param user email of who started that execution
 * @param acquiredAt when it was taken
 * @param waiting how many queued executions wait for it
 */
public record LockView(String name, String executionId, String user, Instant acquiredAt, int waiting) {}
