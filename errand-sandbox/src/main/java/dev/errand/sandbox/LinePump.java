package dev.errand.sandbox;

import dev.errand.protocol.LogStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads one output pipe and hands it to a {@link LineSink} line by line, on its own virtual thread.
 *
 * <p>Lines end at {@code \n}; a {@code \r} just before it is dropped; a final line without newline is
 * still delivered at EOF; empty lines are delivered as {@code ""}. Bytes are decoded as UTF-8, each
 * malformed sequence becoming U+FFFD. A line longer than {@code maxLineBytes} bytes is delivered as
 * several lines of at most that many bytes, cut between UTF-8 sequences, never inside one. All lines
 * from one {@code read} of up to 64 KiB share the timestamp taken right after that read.
 *
 * <p>Memory is bounded by 64 KiB plus {@code maxLineBytes}. The pump closes the stream when it ends
 * (at EOF, or on a read error, which it treats as EOF). If the sink throws, the pump stops, closes
 * the stream (the program then gets EPIPE or SIGPIPE) and the exception reaches the thread's
 * uncaught-exception handler.
 */
public final class LinePump {
    private static final int BLOCK = 64 * 1024;
    private static final int MAX_UTF8_CONTINUATION = 3;

    private final InputStream in;
    private final LogStream stream;
    private final LineSink sink;
    private final int max;
    private byte[] pending = new byte[256];
    private int pendingLength;

    private LinePump(InputStream in, LogStream stream, LineSink sink, int maxLineBytes) {
        this.in = in;
        this.stream = stream;
        this.sink = sink;
        this.max = maxLineBytes;
    }

    /**
     * Starts pumping {@code in} to {@code sink} on a new virtual thread.
     *
     * @param in the pipe to read, for example {@link SandboxProcess#stdout()}; the pump closes it
     * @param stream the stream the lines are tagged with
     * @param sink receives each line; called on the pump's thread only, one line at a time
     * @param maxLineBytes the longest line delivered, in UTF-8 bytes, at least 4
     * @return the started thread; {@link Thread#join()} it to know every line has been delivered
     * @throws IllegalArgumentException when {@code maxLineBytes} is below 4
     */
    public static Thread start(InputStream in, LogStream stream, LineSink sink, int maxLineBytes) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(sink, "sink");
        if (maxLineBytes < 4) {
            throw new IllegalArgumentException("maxLineBytes must be at least 4, got " + maxLineBytes);
        }
        LinePump pump = new LinePump(in, stream, sink, maxLineBytes);
        return Thread.ofVirtual().name("line-pump-" + stream.name().toLowerCase()).start(pump::run);
    }

    private void run() {
        byte[] buf = new byte[BLOCK];
        Instant ts = Instant.now();
        try (in) {
            for (int n = read(buf); n > 0; n = read(buf)) {
                ts = Instant.now();
                int start = 0;
                for (int nl = indexOfNewline(buf, start, n); nl >= 0; nl = indexOfNewline(buf, start, n)) {
                    if (pendingLength == 0) {
                        emitLine(buf, start, nl, ts);
                    } else {
                        append(buf, start, nl);
                        emitLine(pending, 0, pendingLength, ts);
                        pendingLength = 0;
                    }
                    start = nl + 1;
                }
                if (start < n) {
                    append(buf, start, n);
                    emitOverflow(ts);
                }
            }
            if (pendingLength > 0) {
                emitLine(pending, 0, pendingLength, ts);
            }
        } catch (IOException closeFailed) {
            // every line was delivered; a pipe that fails to close leaves nothing to report
        }
    }

    /** @return bytes read, or -1 at EOF or when the pipe broke (the process was killed) */
    private int read(byte[] buf) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Delivers b[from, to), a whole line without its newline. */
    private void emitLine(byte[] b, int from, int to, Instant ts) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        while (to - from > max) {
            int cut = cutBefore(b, from, from + max);
            emit(b, from, cut, ts);
            from = cut;
        }
        emit(b, from, to, ts);
    }

    /**
     * Delivers full-size pieces of a pending line that has no newline yet. Keeps at least two bytes
     * back, so a {@code \r} that may precede the next {@code \n} is never delivered as content.
     */
    private void emitOverflow(Instant ts) {
        int from = 0;
        while (pendingLength - from > max + 1) {
            int cut = cutBefore(pending, from, from + max);
            emit(pending, from, cut, ts);
            from = cut;
        }
        if (from > 0) {
            System.arraycopy(pending, from, pending, 0, pendingLength - from);
            pendingLength -= from;
        }
    }

    /** @return {@code limit}, moved back to the start of the UTF-8 sequence it falls inside, if any */
    private static int cutBefore(byte[] b, int from, int limit) {
        int cut = limit;
        for (int i = 0; i < MAX_UTF8_CONTINUATION && (b[cut] & 0xC0) == 0x80; i++) {
            cut--;
        }
        return cut > from && (b[cut] & 0xC0) != 0x80 ? cut : limit;
    }

    private void append(byte[] b, int from, int to) {
        int length = to - from;
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(b, from, pending, pendingLength, length);
        pendingLength += length;
    }

    private void emit(byte[] b, int from, int to, Instant ts) {
        sink.line(stream, new String(b, from, to - from, StandardCharsets.UTF_8), ts);
    }
}
