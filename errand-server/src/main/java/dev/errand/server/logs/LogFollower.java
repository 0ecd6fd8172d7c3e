package dev.errand.server.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Follows one execution's log for one client: sends the stored backlog from {@code fromSeq},
 * then live lines, then one final status, without gaps or duplicates. It subscribes to the bus
 * before reading the backlog, tracks the next seq it owes, and fills any gap (a slow client whose
 * queue overflowed, lines published before the subscription) from the store, which always holds
 * every published line. Run it on its own (virtual) thread; {@link #stop()} ends it early.
 */
public final class LogFollower implements LogBus.Listener, Runnable {
    /** Live lines buffered for a slow client before it falls back to reading the store. */
    private static final int MAX_BUFFERED_LINES = 20_000;
    private static final int PAGE = 2_000;
    private final String executionId;
    private final LogService logs;
    private final Supplier<Optional<StreamEvent.Status>> terminalStatus;
    private final Sender sender;
    private final ObjectMapper json;
    private final ArrayDeque<List<LogLine>> queue = new ArrayDeque<>();
    private int buffered;
    private boolean overflow;
    private StreamEvent.Status end;
    private boolean stopped;
    private long next;

    /** Where the follower writes; {@link #send} blocks until the frame is written (back-pressure). */
    public interface Sender {
        /** Sends one text frame. */
        void send(String text) throws IOException;

        /** Tells the client the stream is alive while no line comes (a ping, an SSE comment). */
        void keepAlive() throws IOException;

        /** Closes the connection normally. */
        void close();
    }

    /** How long a stream may stay silent before a keep-alive is sent. */
    static final long KEEP_ALIVE_MS = 15_000;

    /**
     * @param executionId the execution to follow
     * @param fromSeq the first seq the client wants, ≥ 1
     * @param logs stored lines and the bus
     * @param terminalStatus reads the execution's final status from the store, empty while running
     * @param sender the client connection
     * @param json the wire mapper
     */
    public LogFollower(String executionId, long fromSeq, LogService logs,
            Supplier<Optional<StreamEvent.Status>> terminalStatus, Sender sender, ObjectMapper json) {
        this.executionId = executionId;
        this.next = Math.max(1, fromSeq);
        this.logs = logs;
        this.terminalStatus = terminalStatus;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public synchronized void onLines(List<LogLine> lines) {
        if (buffered + lines.size() > MAX_BUFFERED_LINES) {
            overflow = true;
            queue.clear();
            buffered = 0;
        } else {
            queue.add(lines);
            buffered += lines.size();
        }
        notifyAll();
    }

    @Override
    public synchronized void onEnd(StreamEvent.Status status) {
        end = status;
        notifyAll();
    }

    /** Ends the follower (the client went away). */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    @Override
    public void run() {
        try (AutoCloseable sub = logs.bus().subscribe(executionId, this)) {
            drainStore();
            Optional<StreamEvent.Status> already = terminalStatus.get();
            if (already.isPresent()) {
                finish(already.get());
                return;
            }
            while (true) {
                List<LogLine> lines;
                StreamEvent.Status finalStatus = null;
                boolean refill;
                boolean idle = false;
                synchronized (this) {
                    if (queue.isEmpty() && !overflow && end == null && !stopped) {
                        wait(KEEP_ALIVE_MS);
                        idle = queue.isEmpty() && !overflow && end == null && !stopped;
                    }
                    if (stopped) {
                        return;
                    }
                    refill = overflow;
                    overflow = false;
                    lines = queue.poll();
                    if (lines != null) {
                        buffered -= lines.size();
                    } else if (!refill) {
                        finalStatus = end;
                    }
                }
                if (idle) {
                    sender.keepAlive();
                } else if (refill) {
                    drainStore();
                } else if (lines != null) {
                    deliver(lines);
                } else if (finalStatus != null) {
                    finish(finalStatus);
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to clean beyond the subscription.
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            sender.close();
        }
    }

    private void deliver(List<LogLine> lines) throws IOException {
        if (lines.getLast().seq() < next) {
            return;
        }
        if (lines.getFirst().seq() > next) {
            drainStore();
            if (lines.getLast().seq() < next) {
                return;
            }
        }
        int from = (int) (next - lines.getFirst().seq());
        sendLines(lines.subList(Math.max(0, from), lines.size()));
    }

    private void finish(StreamEvent.Status status) throws IOException {
        drainStore();
        sender.send(json.writeValueAsString(status));
    }

    private void drainStore() throws IOException {
        while (true) {
            List<LogLine> page = logs.page(executionId, next, PAGE);
            if (page.isEmpty()) {
                return;
            }
            sendLines(page);
        }
    }

    private void sendLines(List<LogLine> lines) throws IOException {
        for (int i = 0; i < lines.size(); i += 1000) {
            List<LogLine> frame = lines.subList(i, Math.min(lines.size(), i + 1000));
            sender.send(LogFrames.encode(frame));
            next = frame.getLast().seq() + 1;
        }
    }

}
