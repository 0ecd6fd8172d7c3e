package dev.errand.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A braille spinner on stderr (a terminal other than {@code TERM=dumb}), one frame every 80 ms, drawn on a virtual thread until
 * {@link #close()} clears its line. Thread-safe; closing twice is harmless.
 */
final class Spinner implements AutoCloseable {
    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final long FRAME_MILLIS = 80;
    // Cursor control, not colour: spinners only run on terminals, NO_COLOR or not.
    private static final String CLEAR_LINE = "\r\u001b[2K";
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final PrintWriter err;
    private final Ansi ansi;

    private Spinner(PrintWriter err, Ansi ansi, String text) {
        this.err = err;
        this.ansi = ansi;
        this.thread = err == null ? null : Thread.ofVirtual().name("errand-spinner").start(() -> spin(text));
    }

    /** @return a running spinner showing {@code text} */
    static Spinner start(PrintWriter err, Ansi ansi, String text) {
        return new Spinner(err, ansi, text);
    }

    /** @return a spinner that draws nothing */
    static Spinner none() {
        Spinner none = new Spinner(null, null, null);
        none.running.set(false);
        return none;
    }

    /** Stops the animation and clears its line; returns once the line is clear. */
    @Override
    public void close() {
        if (!running.getAndSet(false) || thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }

    private void spin(String text) {
        int frame = 0;
        while (running.get()) {
            synchronized (err) {
                if (!running.get()) {
                    return;
                }
                err.print(CLEAR_LINE + ansi.cyan(String.valueOf(FRAMES.charAt(frame))) + " " + text);
                err.flush();
            }
            frame = (frame + 1) % FRAMES.length();
            try {
                Thread.sleep(FRAME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
