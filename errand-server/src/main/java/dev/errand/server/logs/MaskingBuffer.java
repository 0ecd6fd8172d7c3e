package dev.errand.server.logs;

import dev.errand.protocol.LogStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every secret form in the lines of each stream with {@code ***}, including forms split
 * across lines (the pump cuts long output into pieces). A line whose end might be the start of a
 * form is held back until the next line of its stream shows whether it is, or until
 * {@link #flush} gives up waiting; a held-back line never waits for more than the caller's
 * timeout. Lines of one stream keep their order. Not thread-safe: the log writer thread owns it.
 */
final class MaskingBuffer {
    static final String MASK = "***";
    private final SecretMasker masker;
    private final Map<LogStream, StreamState> streams = new EnumMap<>(LogStream.class);

    MaskingBuffer(SecretMasker masker) {
        this.masker = masker;
    }

    /** Masks {@code line}; appends to {@code out} the lines now final (none, it, or held ones and it). */
    void accept(PendingLine line, List<PendingLine> out) {
        if (masker.isEmpty()) {
            out.add(line);
            return;
        }
        streams.computeIfAbsent(line.stream(), s -> new StreamState()).accept(line, out);
    }

    /** @return true when some line is held back */
    boolean holding() {
        return streams.values().stream().anyMatch(s -> !s.pending.isEmpty());
    }

    /** Releases every held line as it is (a form completed later is still masked from there on). */
    void flush(List<PendingLine> out) {
        streams.values().forEach(s -> s.flush(out));
    }

    private record Piece(PendingLine line, long start) {}

    /** The automaton position, held lines and known mask intervals of one stream. */
    private final class StreamState {
        private int state;
        private long total;
        private long forcedBoundary;
        private final List<Piece> pending = new ArrayList<>();
        private final List<long[]> intervals = new ArrayList<>();

        void accept(PendingLine line, List<PendingLine> out) {
            String text = line.text();
            long start = total;
            int s = state;
            for (int i = 0; i < text.length(); i++) {
                s = masker.step(s, text.charAt(i));
                int match = masker.longestMatch(s);
                if (match > 0) {
                    addInterval(start + i + 1 - match, start + i + 1);
                }
            }
            state = s;
            total += text.length();
            long finalUpTo = total - masker.depth(s);
            if (pending.isEmpty() && intervals.isEmpty() && finalUpTo == total) {
                out.add(line);
                return;
            }
            pending.add(new Piece(line, start));
            release(finalUpTo, out);
        }

        void flush(List<PendingLine> out) {
            release(total, out);
            forcedBoundary = total;
        }

        private void addInterval(long from, long to) {
            if (!intervals.isEmpty()) {
                long[] last = intervals.getLast();
                if (from < last[1]) {
                    last[0] = Math.min(last[0], from);
                    last[1] = Math.max(last[1], to);
                    return;
                }
            }
            intervals.add(new long[] {from, to});
        }

        /** Emits the pieces that end at or before {@code upTo}, masked. */
        private void release(long upTo, List<PendingLine> out) {
            while (!pending.isEmpty()) {
                Piece p = pending.getFirst();
                long end = p.start() + p.line().text().length();
                if (end > upTo) {
                    break;
                }
                pending.removeFirst();
                out.add(new PendingLine(p.line().stream(), masked(p), p.line().ts()));
                intervals.removeIf(iv -> iv[1] <= end);
            }
        }

        private String masked(Piece p) {
            String text = p.line().text();
            long start = p.start();
            long end = start + text.length();
            StringBuilder b = null;
            int copied = 0;
            for (long[] iv : intervals) {
                if (iv[1] <= start || iv[0] >= end) {
                    continue;
                }
                b = b == null ? new StringBuilder(text.length()) : b;
                int from = (int) (Math.max(iv[0], start) - start);
                int to = (int) (Math.min(iv[1], end) - start);
                b.append(text, copied, from);
                // The mask goes where the form starts; a continuation in a later piece adds nothing,
                // unless its start was already released unmasked by a forced flush.
                if (iv[0] >= start || iv[0] < forcedBoundary) {
                    b.append(MASK);
                }
                copied = to;
            }
            return b == null ? text : b.append(text, copied, text.length()).toString();
        }
    }
}
