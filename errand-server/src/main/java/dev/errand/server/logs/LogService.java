package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
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

    /** @return the live bus */
    public LogBus bus() {
        return bus;
    }
}
