package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process live bus: tells followers of an execution about lines that have just been
 * stored, and about its end. Publishing never blocks on a follower: listeners must hand the
 * event off (to a queue) and return. Thread-safe.
 */
public final class LogBus {
    private final Map<String, CopyOnWriteArrayList<Listener>> listeners = new ConcurrentHashMap<>();

    /** A follower of one execution; called on the publishing thread, must not block. */
    public interface Listener {
        /** New lines, already stored, ascending seq. */
        void onLines(List<LogLine> lines);

        /** The execution reached a terminal status; every line is stored. */
        void onEnd(StreamEvent.Status status);
    }

    /**
     * Subscribes to one execution's events.
     *
     * @return a handle that unsubscribes when closed
     */
    public AutoCloseable subscribe(String executionId, Listener listener) {
        listeners.computeIfAbsent(executionId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(executionId, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells followers about stored lines. */
    public void publishLines(String executionId, List<LogLine> lines) {
        List<Listener> list = listeners.get(executionId);
        if (list != null) {
            for (Listener l : list) {
                l.onLines(lines);
            }
        }
    }

    /** Tells followers the execution has ended. */
    public void publishEnd(String executionId, StreamEvent.Status status) {
        List<Listener> list = listeners.get(executionId);
        if (list != null) {
            for (Listener l : list) {
                l.onEnd(status);
            }
        }
    }
}
