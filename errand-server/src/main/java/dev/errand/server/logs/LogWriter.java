package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sequences, masks, stores and publishes the output of one execution. Producers (output pumps) add
 * lines; one writer thread takes everything pending, masks secret values ({@link MaskingBuffer}),
 * applies the output cap ({@link OutputCap}), numbers it, stores it in one transaction and only
 * then publishes it, so a follower never sees a line that is not stored or not masked. A line
 * that may end in the first part of a secret is held back up to {@value #HOLD_MS} ms. Producers block
 * when {@value #MAX_PENDING} lines are pending, which slows a chatty command instead of growing
 * memory. Thread-safe.
 */
public final class LogWriter implements OutputSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_PENDING = 50_000;
    static final int MAX_BATCH = 10_000;
    /** A stored chunk holds about this much text at most (1 MiB of chars). */
    static final int MAX_CHUNK_CHARS = 1 << 20;
    /** How long a line that may end in part of a secret waits for the next line of its stream. */
    static final long HOLD_MS = 100;
    private final String executionId;
    private final Database db;
    private final LogStore store;
    private final LogBus bus;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private List<PendingLine> pending = new ArrayList<>();
    private boolean closed;
    private long nextSeq;
    private final SecretMasker masker;
    private final MaskingBuffer masking;
    private final OutputCap cap;
    private final Thread writer;

    LogWriter(String executionId, long lastSeq, Database db, LogStore store, LogBus bus, LogPolicy policy) {
        this.executionId = executionId;
        this.db = db;
        this.store = store;
        this.bus = bus;
        this.nextSeq = lastSeq + 1;
        this.masker = policy.masker();
        this.masking = new MaskingBuffer(policy.masker());
        this.cap = new OutputCap(policy.outputCapBytes());
        this.writer = Thread.ofVirtual().name("log-writer-" + executionId).start(this::run);
    }

    @Override
    public void line(LogStream stream, String text, Instant ts) {
        String clean = sanitize(text);
        // Short lines are masked here, on the producer's thread, beside the writer's store writes.
        String premasked = MaskingBuffer.maskAlone(masker, clean);
        lock.lock();
        try {
            while (pending.size() >= MAX_PENDING && !closed) {
                notFull.awaitUninterruptibly();
            }
            pending.add(new PendingLine(stream, clean, ts, premasked));
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a line written by Errand itself (stream {@code SYSTEM}), without a marker such as
     * {@code errand:}: the stream says who wrote it, and readers mark it ({@link LogLine#plainText()}).
     */
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

    /** @return true once stdout and stderr were cut at the output cap */
    public boolean outputCut() {
        lock.lock();
        try {
            return cap.wasCut();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<PendingLine> taken;
            boolean last;
            lock.lock();
            try {
                long waitNanos = TimeUnit.MILLISECONDS.toNanos(HOLD_MS);
                while (pending.isEmpty() && !closed && waitNanos > 0) {
                    if (masking.holding()) {
                        waitNanos = notEmpty.awaitNanos(waitNanos);
                    } else {
                        notEmpty.awaitUninterruptibly();
                    }
                }
                last = closed && pending.isEmpty();
                taken = pending;
                pending = new ArrayList<>(Math.min(Math.max(taken.size(), 16) * 2, MAX_PENDING));
                notFull.signalAll();
            } catch (InterruptedException e) {
                // Interrupts are not used to stop the writer; close() is.
                continue;
            } finally {
                lock.unlock();
            }
            List<PendingLine> batch = process(taken, taken.isEmpty() || last);
            if (!batch.isEmpty()) {
                store(batch);
            }
            if (last) {
                return;
            }
        }
    }

    /** Masks and caps the taken lines; {@code flush} releases lines held back for masking. */
    private List<PendingLine> process(List<PendingLine> taken, boolean flush) {
        List<PendingLine> masked = new ArrayList<>(taken.size());
        for (PendingLine p : taken) {
            masking.accept(p, masked);
        }
        if (flush) {
            masking.flush(masked);
        }
        List<PendingLine> out = new ArrayList<>(masked.size());
        lock.lock();
        try {
            for (PendingLine p : masked) {
                cap.accept(p, out);
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    private void store(List<PendingLine> batch) {
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

    private void write(List<PendingLine> batch) {
        List<LogLine> lines = new ArrayList<>(batch.size());
        for (PendingLine p : batch) {
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
