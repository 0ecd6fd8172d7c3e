package dev.errand.cli;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints log lines as text: the command's stdout lines on stdout, its stderr lines on stderr,
 * and Errand's own {@code SYSTEM} notes on stderr, dimmed and marked once as {@link LogLine#plainText()}
 * does ({@code [errand] ...}; the server stores them without a marker). Flushes
 * after every batch, and whenever it switches stream, so a terminal shows them in order.
 */
final class LinePrinter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Ansi outAnsi;
    private final Ansi errAnsi;
    private final boolean timestamps;

    /** @param timestamps whether to prefix each line with its UTC time */
    LinePrinter(Session session, boolean timestamps) {
        this.out = session.env().out();
        this.err = session.env().err();
        this.outAnsi = session.outAnsi();
        this.errAnsi = session.messages().ansi();
        this.timestamps = timestamps;
    }

    /** Prints the lines in order. */
    void print(List<LogLine> lines) {
        PrintWriter last = null;
        for (LogLine line : lines) {
            LogStream stream = line.stream() == null ? LogStream.STDOUT : line.stream();
            PrintWriter target = stream == LogStream.STDOUT ? out : err;
            if (last != null && last != target) {
                last.flush();
            }
            Ansi ansi = target == out ? outAnsi : errAnsi;
            String prefix = timestamps && line.ts() != null ? ansi.grey(TimeText.millis(line.ts())) + " " : "";
            String text = line.plainText();
            synchronized (target) {
                switch (stream) {
                    case STDOUT, STDERR -> target.println(prefix + text);
                    case SYSTEM -> target.println(prefix + ansi.dim(text));
                }
            }
            last = target;
        }
        out.flush();
        err.flush();
    }
}
