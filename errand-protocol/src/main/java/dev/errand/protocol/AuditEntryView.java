package dev.errand.protocol;

import java.time.Instant;

/**
 * One audit entry, as {@code GET /api/v1/audit} lists it and {@code GET /api/v1/audit/export}
 * writes it (one JSON object per line). See docs/security.md for how {@code hash} is computed.
 *
 * @param seq the position in the chain, 1, 2, 3, ... without gaps
 * @param at when the request was handled (millisecond precision)
 * @param requestId the request's {@code X-Request-Id}
 * @param userId the caller's user id, or null when unauthenticated
 * @param user the caller's email, or null when unauthenticated
 * @param keyId the id of the API key used, or null
 * @param role the caller's role at the time, or null
 * @param action what was attempted, such as {@code execution.create}; for requests that matched
 *     no route, the method and path
 * @param target the resource acted on as {@code type:id}, such as {@code execution:ex_...}, or null
 * @param outcome {@code ok}, {@code denied} (authentication, authorization or rate limit) or
 *     {@code failed} (any other error)
 * @param status the HTTP status of the answer
 * @param detail the error code, or a short note such as {@code developer -> operator}, or null
 * @param source the client's network address
 * @param prevHash the previous entry's hash (64 zeros for the first)
 * @param hash SHA-256 over {@code prevHash}, a newline and the canonical form of this entry (hex)
 */
public record AuditEntryView(
        long seq,
        Instant at,
        String requestId,
        String userId,
        String user,
        String keyId,
        String role,
        String action,
        String target,
        String outcome,
        int status,
        String detail,
        String source,
        String prevHash,
        String hash) {}
