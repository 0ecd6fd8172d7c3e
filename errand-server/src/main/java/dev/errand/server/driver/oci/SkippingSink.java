package dev.errand.server.driver.oci;

import dev.errand.protocol.LogStream;
import dev.errand.server.driver.Delivered;
import dev.errand.server.driver.OutputSink;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes output lines on, except the first ones of each stream that were already delivered
 * before a server restart: re-reading a container's output files from the start then yields
 * exactly the lines not yet stored. Thread-safe (one pump per stream).
 */
final class SkippingSink implements OutputSink {
    private final OutputSink sink;
    private final AtomicLong stdoutToSkip;
    private final AtomicLong stderrToSkip;

    SkippingSink(Delivered delivered, OutputSink sink) {
        this.sink = sink;
        this.stdoutToSkip = new AtomicLong(delivered.stdoutLines());
        this.stderrToSkip = new AtomicLong(delivered.stderrLines());
    }

    @Override
    public void line(LogStream stream, String text, Instant ts) {
        AtomicLong skip = stream == LogStream.STDOUT ? stdoutToSkip : stream == LogStream.STDERR ? stderrToSkip : null;
        if (skip != null && skip.get() > 0) {
            skip.decrementAndGet();
            return;
        }
        sink.line(stream, text, ts);
    }
}
