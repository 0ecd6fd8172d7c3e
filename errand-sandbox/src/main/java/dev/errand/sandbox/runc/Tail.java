package dev.errand.sandbox.runc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * Reads a file that a container is still appending to, like {@code tail -f}, and reaches EOF only
 * once the writer has finished and everything written has been read. An output file (rather than a
 * pipe into the JVM) is what lets a container outlive the server and be re-attached to.
 *
 * <p>When no new bytes are there it polls, waiting a twentieth of the time since bytes last arrived
 * (at least 1 ms, at most 50 ms): a fresh or chatty container is read within a millisecond or two,
 * a quiet one costs twenty reads per second. Reads by one thread at a time (a {@code LinePump}).
 */
final class Tail extends InputStream {
    private static final long MIN_WAIT_NANOS = 1_000_000;
    private static final long MAX_WAIT_NANOS = 50_000_000;
    private final FileChannel channel;
    private final BooleanSupplier finished;
    private long lastData = System.nanoTime();

    /**
     * @param file the output file (exists)
     * @param finished true once the writer will write no more
     * @throws IOException when the file cannot be opened
     */
    Tail(Path file, BooleanSupplier finished) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.finished = finished;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            // Ask before reading: bytes written before the writer finished are then surely read.
            boolean done = finished.getAsBoolean();
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            if (n > 0) {
                lastData = System.nanoTime();
                return n;
            }
            if (done) {
                return -1;
            }
            long idle = System.nanoTime() - lastData;
            try {
                Thread.sleep(java.time.Duration.ofNanos(Math.clamp(idle / 20, MIN_WAIT_NANOS, MAX_WAIT_NANOS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while following output");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
