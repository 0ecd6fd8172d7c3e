package dev.errand.server.driver;

import dev.errand.protocol.LogStream;
import java.time.Instant;

/**
 * Where a driver delivers output lines. Implementations are thread-safe (stdout and stderr are
 * read on two threads) and may block to apply back-pressure to a chatty command.
 */
@FunctionalInterface
public interface OutputSink {
    /**
     * @param stream stdout, stderr (or system for driver notes)
     * @param text the line without its newline
     * @param ts when it was read
     */
    void line(LogStream stream, String text, Instant ts);
}
