package dev.errand.cli;

import java.io.PrintWriter;

/**
 * Progress and status lines on stderr, in the house symbols: {@code →} info, {@code ✓} success,
 * {@code ⚠} warning, {@code ✗} failure. {@code --quiet} hides info, success and spinners;
 * warnings and failures always show. Thread-safe (each line is one locked write).
 */
final class Messages {
    private final PrintWriter err;
    private final Ansi ansi;
    private final boolean quiet;
    private final boolean animate;

    /**
     * @param animate whether spinners may animate (stderr is a terminal)
     */
    Messages(PrintWriter err, Ansi ansi, boolean quiet, boolean animate) {
        this.err = err;
        this.ansi = ansi;
        this.quiet = quiet;
        this.animate = animate;
    }

    /** Prints {@code → text} unless quiet. */
    void info(String text) {
        if (!quiet) {
            line(ansi.cyan("→") + " " + text);
        }
    }

    /** Prints {@code ✓ text} unless quiet. */
    void success(String text) {
        if (!quiet) {
            line(ansi.green("✓") + " " + text);
        }
    }

    /** Prints {@code ⚠ text}. */
    void warn(String text) {
        line(ansi.yellow("⚠") + " " + text);
    }

    /** Prints {@code ✗ text}. */
    void failure(String text) {
        line(ansi.red("✗") + " " + text);
    }

    /** Prints a line as is (already styled), even when quiet. */
    void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    /** Prints text dimmed, as is; used for Errand's own notes in a log. */
    void dim(String text) {
        line(ansi.dim(text));
    }

    /**
     * Shows that the CLI is waiting: a braille spinner on a terminal, one {@code →} line otherwise,
     * nothing when quiet.
     *
     * @return the spinner to close when the wait is over
     */
    Spinner waiting(String text) {
        if (quiet) {
            return Spinner.none();
        }
        if (animate) {
            return Spinner.start(err, ansi, text);
        }
        info(text);
        return Spinner.none();
    }

    /** @return the styling used on stderr */
    Ansi ansi() {
        return ansi;
    }
}
