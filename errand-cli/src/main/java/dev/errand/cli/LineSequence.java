package dev.errand.cli;

import dev.errand.protocol.LogLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a log's lines exactly-once and in order across reconnects: remembers the next sequence
 * number wanted, drops lines already seen, and stops at a missing one. Not thread-safe.
 */
final class LineSequence {
    private long next;

    /** @param first the first sequence number wanted (1 for the whole log) */
    LineSequence(long first) {
        this.next = first;
    }

    /**
     * What one batch contributed.
     *
     * @param fresh the new lines, consecutive and ascending, possibly empty
     * @param gap true when a later line arrived before {@link #next()}: reconnect from there
     */
    record Accepted(List<LogLine> fresh, boolean gap) {}

    /** @return the new lines of a batch; {@link #next()} moves past them */
    Accepted accept(List<LogLine> lines) {
        List<LogLine> fresh = new ArrayList<>();
        for (LogLine line : lines == null ? List.<LogLine>of() : lines) {
            if (line.seq() == next) {
                fresh.add(line);
                next++;
            } else if (line.seq() > next) {
                return new Accepted(fresh, true);
            }
        }
        return new Accepted(fresh, false);
    }

    /** @return the sequence number wanted next: the last one seen plus one */
    long next() {
        return next;
    }
}
