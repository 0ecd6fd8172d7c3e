package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows one execution's log stream to its final status, exactly once per line: lines already
 * seen are dropped, and when the connection ends before the status event (or skips a sequence
 * number) it reconnects with {@code from_seq} = last seq + 1, with exponential backoff, up to
 * {@link #MAX_RETRIES} times in a row without progress (new lines, or a connection that stayed
 * open for 10 s). One follower serves one {@link #follow}
 * call; {@link #detach()} may be called from any thread.
 */
final class LogFollower {
    /** Consecutive reconnects without receiving anything before giving up. */
    static final int MAX_RETRIES = 5;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private static final Duration HEALTHY_CONNECTION = Duration.ofSeconds(10);

    /** Receives what the follower learns; called on the following thread. */
    interface Listener {
        /** @param lines new lines, consecutive and ascending by seq, never empty */
        void onLines(List<LogLine> lines);

        /** Tells that the stream dropped and will be reopened from {@code fromSeq}. */
        void onReconnect(String why, long fromSeq, int attempt, int maxAttempts);
    }

    /** Waits between reconnects (a real sleep in production, a no-op in tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final StreamConnector connector;
    private final Listener listener;
    private final Sleeper sleeper;
    private final Clock clock;
    private volatile boolean detached;
    private volatile StreamConnector.Connection current;
    private LineSequence lines;
    private String dropReason;
    private boolean progressed;

    LogFollower(StreamConnector connector, Listener listener, Sleeper sleeper, Clock clock) {
        this.connector = connector;
        this.listener = listener;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * @param fromSeq the first sequence number to show
     * @param waitTimeout how long to follow at most, or null for no limit
     * @return how following ended
     * @throws ErrandException for an error event or a rejected connection (its code), or
     *     {@code UNAVAILABLE} once reconnecting has failed {@link #MAX_RETRIES} times in a row
     */
    FollowOutcome follow(String executionId, long fromSeq, Duration waitTimeout) throws InterruptedException {
        lines = new LineSequence(fromSeq);
        Instant deadline = waitTimeout == null ? null : clock.instant().plus(waitTimeout);
        int failures = 0;
        while (!detached) {
            if (failures > MAX_RETRIES) {
                throw new ErrandException(ErrorCode.UNAVAILABLE, "lost the log stream of " + executionId + " (" + dropReason
                        + ") after " + MAX_RETRIES + " reconnects; reattach with: errand logs -f " + executionId + " --from " + lines.next());
            }
            if (failures > 0) {
                listener.onReconnect(dropReason, lines.next(), failures, MAX_RETRIES);
                sleeper.sleep(backoff(failures));
            }
            if (deadline != null && !clock.instant().isBefore(deadline)) {
                return new FollowOutcome.WaitTimedOut();
            }
            progressed = false;
            Instant opened = clock.instant();
            FollowOutcome outcome;
            try (StreamConnector.Connection connection = connector.open(executionId, lines.next())) {
                current = connection;
                outcome = read(connection, deadline);
            } catch (IOException e) {
                dropReason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                outcome = null;
            } finally {
                current = null;
            }
            if (outcome != null) {
                return outcome;
            }
            // A connection that delivered lines or lived a while (an idle proxy timeout) was not a failure.
            boolean lived = Duration.between(opened, clock.instant()).compareTo(HEALTHY_CONNECTION) >= 0;
            failures = progressed || lived ? 1 : failures + 1;
        }
        return new FollowOutcome.Detached();
    }

    /** Stops following: {@link #follow} returns {@link FollowOutcome.Detached} promptly. */
    void detach() {
        detached = true;
        StreamConnector.Connection connection = current;
        if (connection != null) {
            connection.close();
        }
    }

    // Returns the outcome, or null when the connection ended without one (dropReason says why).
    private FollowOutcome read(StreamConnector.Connection connection, Instant deadline) throws InterruptedException {
        while (!detached) {
            Duration wait = POLL;
            if (deadline != null) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return new FollowOutcome.WaitTimedOut();
                }
                wait = left.compareTo(POLL) < 0 ? left : POLL;
            }
            Optional<StreamConnector.Frame> frame = connection.next(wait);
            if (detached) {
                break;
            }
            if (frame.isEmpty()) {
                continue;
            }
            switch (frame.get()) {
                case StreamConnector.Frame.Closed closed -> {
                    dropReason = closed.why();
                    return null;
                }
                case StreamConnector.Frame.Event(StreamEvent.Status status) -> {
                    return new FollowOutcome.Finished(status);
                }
                case StreamConnector.Frame.Event(StreamEvent.Error error) ->
                    throw new ApiException(error.code(), error.message(), null);
                case StreamConnector.Frame.Event(StreamEvent.Logs logs) -> {
                    if (!accept(logs.lines())) {
                        return null;
                    }
                }
            }
        }
        return new FollowOutcome.Detached();
    }

    // Hands new lines to the listener; false when a sequence number is missing (reconnect to fill it).
    private boolean accept(List<LogLine> batch) {
        LineSequence.Accepted accepted = lines.accept(batch);
        if (!accepted.fresh().isEmpty()) {
            progressed = true;
            listener.onLines(accepted.fresh());
        }
        if (accepted.gap()) {
            dropReason = "line " + lines.next() + " missing from the stream";
        }
        return !accepted.gap();
    }

    private static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
