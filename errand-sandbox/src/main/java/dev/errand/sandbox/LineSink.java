package dev.errand.sandbox;

import dev.errand.protocol.LogStream;
import java.time.Instant;

/** Receives output lines as they are read. Called from the pump threads, so it must be thread-safe. */
@FunctionalInterface
public interface LineSink {
    /**
     * @param stream which pipe the line came from
     * @param text the line without its newline (a line over the pump's maximum is split)
     * @param ts when the line was read
     */
    void line(LogStream stream, String text, Instant ts);
}
