package dev.errand.server.logs;

import dev.errand.protocol.LogStream;
import java.time.Instant;

/**
 * A line accepted by a {@link LogWriter} and not yet stored.
 *
 * @param stream where it came from
 * @param text the text without newline
 * @param ts when it was read
 * @param premasked the text already masked on the producer's thread (a short line masked on its
 *     own), or null; used unless an earlier piece of its stream is held back
 */
record PendingLine(LogStream stream, String text, Instant ts, String premasked) {
    /** A line not masked yet. */
    PendingLine(LogStream stream, String text, Instant ts) {
        this(stream, text, ts, null);
    }
}
