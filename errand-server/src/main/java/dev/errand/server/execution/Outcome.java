package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;

/**
 * How an execution ended.
 *
 * @param status the terminal status
 * @param exitCode the exit code, or null if it never exited by itself
 * @param reason why, for anything but a plain exit, else null
 * @param wasRunning whether it had reached {@code RUNNING} (so the transition starts there)
 */
record Outcome(ExecutionStatus status, Integer exitCode, String reason, boolean wasRunning) {}
