package dev.errand.server.logs;

import dev.errand.protocol.LogStream;
import java.time.Instant;

/**
 * A line accepted by a {@link LogWriter} and not yet stored.
 *
 * @param stream where it came from
 * @param text the text without newline
 * @param ts when it was read
 */
record PendingLine(LogStream stream, String text, Instant ts) {}
