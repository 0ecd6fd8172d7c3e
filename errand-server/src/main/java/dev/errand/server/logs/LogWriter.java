package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sequences, stores and publishes the output of one execution. Producers (output pumps) add
 * lines; one writer thread takes everything pending, numbers it, stores it in one transaction and
 * only then publishes it, so a follower never sees a line that is not stored. Producers block
 * when {@value #MAX_PENDING} lines are pending, which slows a chatty command instead of growing
 * memory. Thread-safe.
 */
public final class LogWriter implements OutputSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_PENDING = 50_000;
    static final int MAX_BATCH = 10_000;
    /** A stored chunk holds about this much text at most (1 MiB of chars). */
    static final int MAX_CHUNK_CHARS = 1 << 20;
    private final String executionId;
    private final Database db;
    private final LogStore store;
    private final LogBus bus;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private List<Pending> pending = new ArrayList<>();
    private boolean closed;
    private long nextSeq;
    private final Thread writer;

    private record Pending(LogStream stream, String text, Instant ts) {}

    LogWriter(String executionId, long lastSeq, Database db, LogStore store, LogBus bus) {
        this.executionId = executionId;
        this.db = db;
        this.store = store;
        this.bus = bus;
        this.nextSeq = lastSeq + 1;
        this.writer = Thread.ofVirtual().name("log-writer-" + executionId).start(this::run);
    }

    @Override
    public void line(LogStream stream, String text, Instant ts) {
        lock.lock();
        try {
            while (pending.size() >= MAX_PENDING && !closed) {
                notFull.awaitUninterruptibly();
            }
            pending.add(new Pending(stream, sanitize(text), ts));
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Adds a line written by Errand itself (stream {@code SYSTEM}). */
    public void system(String text) {
        line(LogStream.SYSTEM, text, Instant.now());
    }

    /** Stores every pending line and stops the writer; returns once all are stored and published. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            List<Pending> batch;
            lock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    notEmpty.awaitUninterruptibly();
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>(Math.min(batch.size() * 2, MAX_PENDING));
                notFull.signalAll();
            } finally {
                lock.unlock();
            }
            int from = 0;
            long chars = 0;
            for (int i = 0; i < batch.size(); i++) {
                chars += batch.get(i).text().length();
                if (i + 1 - from >= MAX_BATCH || chars >= MAX_CHUNK_CHARS || i == batch.size() - 1) {
                    write(batch.subList(from, i + 1));
                    from = i + 1;
                    chars = 0;
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        List<LogLine> lines = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            lines.add(new LogLine(nextSeq++, Instant.ofEpochMilli(p.ts().toEpochMilli()), p.stream(), p.text()));
        }
        try {
            db.write(h -> {
                store.append(h, executionId, lines);
                return null;
            });
        } catch (RuntimeException e) {
            // The line numbers stay used so followers see a gap they can detect rather than a reorder.
            LOG.error("lost {} log lines of {}: {}", lines.size(), executionId, e.toString());
            return;
        }
        bus.publishLines(executionId, List.copyOf(lines));
    }

    /** PostgreSQL text cannot hold NUL; keep the line and make the byte visible. */
    private static String sanitize(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
