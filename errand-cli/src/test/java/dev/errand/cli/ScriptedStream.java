package dev.errand.cli;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log stream that plays a script instead of a socket. Each {@link #connection} is what one
 * open delivers: frames, and {@link Runnable} steps run when reached (to press Ctrl-C mid-stream).
 * Once a connection's script is used up it stays idle, advancing the test clock by each wait.
 */
final class ScriptedStream implements StreamConnector {
    private final Deque<Object> opens = new ArrayDeque<>();
    private final List<Long> fromSeqs = new CopyOnWriteArrayList<>();
    private final TestClock clock;

    ScriptedStream(TestClock clock) {
        this.clock = clock;
    }

    ScriptedStream() {
        this(new TestClock());
    }

    /** The next open succeeds and plays these steps (frames or runnables). */
    ScriptedStream connection(Object... steps) {
        opens.add(new ArrayDeque<>(Arrays.asList(steps)));
        return this;
    }

    /** The next open fails with this exception (an IOException or an ErrandException). */
    ScriptedStream failOpen(Exception e) {
        opens.add(e);
        return this;
    }

    /** @return the from_seq of every open, in order */
    List<Long> fromSeqs() {
        return List.copyOf(fromSeqs);
    }

    @Override
    public Connection open(String executionId, long fromSeq) throws IOException {
        fromSeqs.add(fromSeq);
        Object next = opens.poll();
        if (next == null) {
            throw new IOException("no more scripted connections");
        }
        if (next instanceof IOException io) {
            throw io;
        }
        if (next instanceof RuntimeException runtime) {
            throw runtime;
        }
        @SuppressWarnings("unchecked")
        Deque<Object> steps = (Deque<Object>) next;
        return new Connection() {
            @Override
            public synchronized Optional<Frame> next(Duration timeout) {
                while (!steps.isEmpty()) {
                    Object step = steps.poll();
                    if (step instanceof Runnable action) {
                        action.run();
                    } else {
                        return Optional.of((Frame) step);
                    }
                }
                clock.advance(timeout);
                return Optional.empty();
            }

            @Override
            public void close() {}
        };
    }

    /** @return a logs event with lines of the given sequence numbers, text "line N" on stdout */
    static Frame logs(long... seqs) {
        List<LogLine> lines = new ArrayList<>();
        for (long seq : seqs) {
            lines.add(line(seq, LogStream.STDOUT, "line " + seq));
        }
        return new Frame.Event(new StreamEvent.Logs(lines));
    }

    static LogLine line(long seq, LogStream stream, String text) {
        return new LogLine(seq, Instant.parse("2026-01-02T03:04:05.678Z").plusSeconds(seq), stream, text);
    }

    static Frame status(ExecutionStatus status, Integer exitCode) {
        return new Frame.Event(new StreamEvent.Status(status, exitCode, null));
    }

    static Frame closed() {
        return new Frame.Closed("connection reset");
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-02T03:04:05Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
