package dev.errand.server.audit;

/**
 * Filters for listing and exporting audit entries; null means "any".
 *
 * @param user a user id ({@code usr_...}) or email
 * @param action an action such as {@code execution.create}, or a prefix ending in {@code .} or
 *     {@code *} such as {@code user.*}
 * @param target {@code type:id}, or just an id
 * @param since entries at or after this time (epoch ms)
 * @param until entries before this time (epoch ms)
 * @param outcome {@code ok}, {@code denied} or {@code failed}
 */
public record AuditQuery(String user, String action, String target, Long since, Long until, String outcome) {
    /** A query matching everything. */
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
