package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens an execution's log stream ({@code GET /api/v1/executions/{id}/logs/stream?from_seq=N}).
 * The WebSocket transport is {@link WebSocketConnector}; tests script the frames instead, so
 * {@link LogFollower}'s ordering, dedupe and reconnect logic is tested without a socket.
 */
@FunctionalInterface
interface StreamConnector {

    /**
     * Connects.
     *
     * @param executionId the execution to follow
     * @param fromSeq the first sequence number wanted (1 for the whole log)
     * @return an open connection
     * @throws IOException for failures that a retry may cure (refused, dropped, 5xx)
     * @throws ErrandException for rejections a retry cannot cure (401, 403, 404)
     */
    Connection open(String executionId, long fromSeq) throws IOException;

    /** Builds a connector for one command run. */
    @FunctionalInterface
    interface Factory {
        /** @return a connector that uses the session's endpoint and key */
        StreamConnector forSession(Session session);
    }

    /** One open stream. Frames are delivered in the order received; thread-safe. */
    interface Connection extends AutoCloseable {
        /**
         * @param timeout how long to wait
         * @return the next frame, or empty when none arrived in time
         * @throws InterruptedException when the waiting thread is interrupted
         */
        Optional<Frame> next(Duration timeout) throws InterruptedException;

        /** Drops the connection; idempotent, never throws. */
        @Override
        void close();
    }

    /** What a connection delivers: an event, or the end of the connection. */
    sealed interface Frame {
        /** @param event a parsed stream event */
        record Event(StreamEvent event) implements Frame {}

        /** @param why why the connection ended, for the reconnect notice */
        record Closed(String why) implements Frame {}
    }
}
