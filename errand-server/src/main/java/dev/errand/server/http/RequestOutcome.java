package dev.errand.server.http;

import dev.errand.server.identity.Principal;

/**
 * What one finished API request was, as the audit trail records it.
 *
 * @param at when it finished (epoch ms)
 * @param requestId its {@code X-Request-Id}
 * @param caller who made it (or, for a claim, who it admitted), or null when unauthenticated
 * @param action the route's action name such as {@code execution.create}, or method and path
 * @param targetType the kind of resource acted on, such as {@code execution}, or null
 * @param targetId the resource's id, or null
 * @param status the HTTP status sent
 * @param denied true for refused authentication, authorization or rate limits
 * @param detail the error code or a handler's note, or null
 * @param source the client's address
 */
public record RequestOutcome(long at, String requestId, Principal caller, String action, String targetType,
        String targetId, int status, boolean denied, String detail, String source) {}
