package dev.errand.server.logs;

import dev.errand.protocol.LogStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces every secret form in the lines of each stream with {@code ***}, including forms split
 * across pieces of one long line (the output pump cuts lines longer than 16 KiB into pieces, so a
 * piece is at least {@value #CUT_MIN_CHARS} characters long). Such a long piece whose end might be
 * the start of a form is held back until the next piece of its stream shows whether it is, or
 * until {@link #flush} gives up waiting. A shorter line ended at a real newline: it is released at
 * once and matching starts afresh after it (multi-line values are masked line by line). Lines of
 * one stream keep their order. Not thread-safe: the log writer thread owns it.
 */
final class MaskingBuffer {
    static final String MASK = "***";
    /** The fewest characters a piece of a cut line can have: 16 KiB of UTF-8 at 3 bytes per char, rounded down. */
    static final int CUT_MIN_CHARS = 4096;
    private final SecretMasker masker;
    private final StreamState[] streams = new StreamState[LogStream.values().length];

    MaskingBuffer(SecretMasker masker) {
        this.masker = masker;
    }

    /** Masks {@code line}; appends to {@code out} the lines now final (none, it, or held ones and it). */
    void accept(PendingLine line, List<PendingLine> out) {
        if (masker.isEmpty()) {
            out.add(line);
            return;
        }
        StreamState state = streams[line.stream().ordinal()];
        if (state == null) {
            state = new StreamState();
            streams[line.stream().ordinal()] = state;
        }
        state.accept(line, out);
    }

    /** @return true when some line is held back */
    boolean holding() {
        for (StreamState s : streams) {
            if (s != null && !s.pending.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Releases every held line as it is (a form completed later is still masked from there on). */
    void flush(List<PendingLine> out) {
        for (StreamState s : streams) {
            if (s != null) {
                s.flush(out);
            }
        }
    }

    private record Piece(PendingLine line, long start) {}

    /** The automaton position, held lines and known mask intervals of one stream. */
    private final class StreamState implements SecretMasker.Matches {
        private int state;
        private long total;
        private long forcedBoundary;
        private final List<Piece> pending = new ArrayList<>();
        private final List<long[]> intervals = new ArrayList<>();

        void accept(PendingLine line, List<PendingLine> out) {
            String text = line.text();
            long start = total;
            boolean lineEnded = text.length() < CUT_MIN_CHARS;
            int s = masker.scan(text, state, start, this, !lineEnded);
            total += text.length();
            state = lineEnded ? 0 : s;
            long finalUpTo = lineEnded ? total : total - masker.depth(s);
            if (pending.isEmpty() && intervals.isEmpty() && finalUpTo == total) {
                out.add(line);
                return;
            }
            pending.add(new Piece(line, start));
            release(finalUpTo, out);
        }

        @Override
        public void add(long from, long to) {
            addInterval(from, to);
        }

        void flush(List<PendingLine> out) {
            release(total, out);
            forcedBoundary = total;
        }

        private void addInterval(long from, long to) {
            long f = from;
            long t = to;
            // Matches arrive by end; one may start before earlier ones it overlaps: merge them all.
            while (!intervals.isEmpty() && f < intervals.getLast()[1]) {
                long[] last = intervals.removeLast();
                f = Math.min(f, last[0]);
                t = Math.max(t, last[1]);
            }
            intervals.add(new long[] {f, t});
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
