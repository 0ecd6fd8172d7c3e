package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.driver.Delivered;
import dev.errand.server.store.Database;
import java.util.List;

/** Opens log writers for running executions and reads stored lines. Thread-safe. */
public final class LogService {
    private final Database db;
    private final LogStore store;
    private final LogBus bus;

    /**
     * @param db the store
     * @param store the log SQL
     * @param bus the live bus stored lines are published on
     */
    public LogService(Database db, LogStore store, LogBus bus) {
        this.db = db;
        this.store = store;
        this.bus = bus;
    }

    /**
     * Opens the writer of one execution, continuing after any line already stored.
     *
     * @return a writer; close it to flush
     */
    public LogWriter openWriter(String executionId) {
        return openWriter(executionId, LogPolicy.PLAIN);
    }

    /**
     * Opens the writer of one execution that masks and caps its output as {@code policy} says.
     *
     * @return a writer; close it to flush
     */
    public LogWriter openWriter(String executionId, LogPolicy policy) {
        long last = db.read(h -> store.lastSeq(h, executionId));
        return new LogWriter(executionId, last, db, store, bus, policy);
    }

    /**
     * @param fromSeq first seq wanted, ≥ 1
     * @param limit at most this many, 1..10000
     * @return stored lines in ascending seq
     */
    public List<LogLine> page(String executionId, long fromSeq, int limit) {
        return db.read(h -> store.page(h, executionId, fromSeq, limit));
    }

    /**
     * Counts the stored stdout and stderr lines of an execution, for a driver re-attaching to it.
     *
     * @return the counts; system lines are not counted
     */
    public Delivered delivered(String executionId) {
        long out = 0;
        long err = 0;
        long from = 1;
        for (List<LogLine> lines = page(executionId, from, 10_000); !lines.isEmpty(); lines = page(executionId, from, 10_000)) {
            for (LogLine l : lines) {
                if (l.stream() == LogStream.STDOUT) {
                    out++;
                } else if (l.stream() == LogStream.STDERR) {
                    err++;
                }
            }
            from = lines.getLast().seq() + 1;
        }
        return new Delivered(out, err);
    }

    /** @return the live bus */
    public LogBus bus() {
        return bus;
    }
}
