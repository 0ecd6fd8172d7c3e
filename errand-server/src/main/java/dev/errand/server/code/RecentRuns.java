package dev.errand.server.code;

import dev.errand.protocol.ExecuteResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in flight and the latest finished ones, by id, so that polling a run just submitted never
 * waits for the store. Keeps every unfinished run, and the newest finished ones up to
 * {@value #FINISHED} runs and {@value #BYTES} bytes of output; older results are read from the
 * store. Thread-safe.
 */
final class RecentRuns {
    static final int FINISHED = 10_000;
    static final long BYTES = 64L << 20;

    /** A run's owner and its current result (queued, running or final). */
    record Entry(String userId, ExecuteResult result) {}

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private int finished;
    private long bytes;

    /** Adds or replaces the state of a run. */
    synchronized void put(String userId, ExecuteResult result) {
        Entry old = entries.remove(result.id());
        if (old != null) {
            forget(old);
        }
        entries.put(result.id(), new Entry(userId, result));
        if (result.status().terminal()) {
            finished++;
            bytes += size(result);
        }
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while ((finished > FINISHED || bytes > BYTES) && it.hasNext()) {
            Entry e = it.next().getValue();
            if (e.result().status().terminal()) {
                it.remove();
                forget(e);
            }
        }
    }

    /** @return the run's entry if it is recent */
    synchronized Optional<Entry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    private void forget(Entry e) {
        if (e.result().status().terminal()) {
            finished--;
            bytes -= size(e.result());
        }
    }

    private static long size(ExecuteResult r) {
        return length(r.stdout()) + length(r.stderr()) + length(r.compileOutput());
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }
}
