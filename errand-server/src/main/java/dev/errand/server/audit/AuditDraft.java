package dev.errand.server.audit;

/**
 * An audit entry before it is placed in the chain. Any field but {@code action}, {@code outcome}
 * and {@code status} may be null.
 *
 * @param at when the request was handled (epoch ms)
 * @param requestId the request's id
 * @param userId the caller's user id
 * @param userEmail the caller's email
 * @param keyId the API key used
 * @param role the caller's role (wire form, such as {@code developer})
 * @param action such as {@code execution.create}
 * @param targetType such as {@code execution}
 * @param targetId such as {@code ex_...}
 * @param outcome {@code ok}, {@code denied} or {@code failed}
 * @param status the HTTP status sent
 * @param detail the error code or a short note
 * @param source the client's address
 */
public record AuditDraft(long at, String requestId, String userId, String userEmail, String keyId, String role,
        String action, String targetType, String targetId, String outcome, int status, String detail, String source) {

    /** @return {@code type:id}, or null without a target */
    public String target() {
        return targetType == null ? null : targetType + ":" + targetId;
    }
}
