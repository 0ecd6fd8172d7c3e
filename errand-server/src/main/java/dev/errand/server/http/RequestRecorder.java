package dev.errand.server.http;

/**
 * Receives every API request that changed (or tried to change) state and every denied one, after
 * its handler ran and before its response is sent. The audit feature implements it.
 */
public interface RequestRecorder {
    /** A recorder that keeps nothing. */
    RequestRecorder NONE = outcome -> {};

    /**
     * Records one request; blocks until the record is durable.
     *
     * @throws RuntimeException when it cannot be recorded (the caller logs it; the response stands)
     */
    void record(RequestOutcome outcome);
}
