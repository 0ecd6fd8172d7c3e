package dev.errand.protocol;

import java.time.Instant;

/**
 * One stored log line of an execution, addressed by {@code (execution id, seq)}.
 *
 * @param seq the sequence number, starting at 1 and without gaps within an execution
 * @param ts when the line was read from the sandbox (UTC)
 * @param stream stdout, stderr or system
 * @param text the line without its terminating newline, already masked for secrets
 */
public record LogLine(long seq, Instant ts, LogStream stream, String text) {}
