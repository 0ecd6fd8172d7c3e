package dev.errand.server.code;

import dev.errand.protocol.ExecuteResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in flight and the latest finished ones, by id, so that polling a run just submitted never
 * waits for the store. Keeps every unfinished run and the newest {@value #FINISHED} finished ones;
 * older results are read from the store. Thread-safe.
 */
final class RecentRuns {
    static final int FINISHED = 10_000;

    /** A run's owner and its current result (queued, running or final). */
    record Entry(String userId, ExecuteResult result) {}

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private int finished;

    /** Adds or replaces the state of a run. */
    synchronized void put(String userId, ExecuteResult result) {
        Entry old = entries.remove(result.id());
        if (old != null && old.result().status().terminal()) {
            finished--;
        }
        entries.put(result.id(), new Entry(userId, result));
        if (result.status().terminal()) {
            finished++;
        }
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (finished > FINISHED && it.hasNext()) {
            if (it.next().getValue().result().status().terminal()) {
                it.remove();
                finished--;
            }
        }
    }

    /** @return the run's entry if it is recent */
    synchronized Optional<Entry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
