package dev.errand.server.logs;

import dev.errand.protocol.LogStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stops storing an execution's stdout and stderr once they pass the per-run cap, and says so in
 * one {@code SYSTEM} marker line: output is cut explicitly, never silently. Errand's own system
 * lines are always kept. Not thread-safe: the log writer thread owns it.
 */
final class OutputCap {
    private final long capBytes;
    private long stored;
    private boolean cut;

    /** @param capBytes the most UTF-8 bytes of stdout and stderr stored; 0 for no cap */
    OutputCap(long capBytes) {
        this.capBytes = capBytes;
    }

    /** Appends {@code line} to {@code out} while under the cap; at the cap, the marker instead. */
    void accept(PendingLine line, List<PendingLine> out) {
        if (capBytes <= 0 || line.stream() == LogStream.SYSTEM) {
            out.add(line);
            return;
        }
        if (cut) {
            return;
        }
        long bytes = utf8Length(line.text()) + 1;
        if (stored + bytes > capBytes) {
            cut = true;
            out.add(new PendingLine(LogStream.SYSTEM, "output cut here: it passed this execution's limit of "
                    + capBytes + " bytes; the rest of stdout and stderr was not stored", line.ts()));
            return;
        }
        stored += bytes;
        out.add(line);
    }

    /** @return true once output was cut */
    boolean wasCut() {
        return cut;
    }

    /** ASCII lines are the norm: their byte length is their length. */
    private static long utf8Length(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }
}
