package dev.errand.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/trace/{request_id}} (admin): what one request did.
 *
 * @param requestId the request id asked about
 * @param audit the request's audit entries, oldest first (empty for reads that were allowed)
 * @param logs the server log lines written while handling it, oldest first; kept in memory on the
 *     server that handled it, so old requests and other replicas' requests have none
 * @param resources the resources it created or changed, with their current state
 */
public record TraceView(String requestId, List<AuditEntryView> audit, List<LogEntry> logs, List<Resource> resources) {

    /**
     * One server log line.
     *
     * @param at when it was logged
     * @param level {@code ERROR}, {@code WARN}, {@code INFO}, ...
     * @param logger the logger's name
     * @param message the formatted message (with the exception, if any)
     */
    public record LogEntry(Instant at, String level, String logger, String message) {}

    /**
     * A resource the request acted on.
     *
     * @param type {@code execution}, {@code user}, {@code key}, ...
     * @param id its id
     * @param action the audited action that touched it
     * @param summary its current state in a few words, or {@code (not found)}
     */
    public record Resource(String type, String id, String action, String summary) {}
}
