package dev.errand.server.identity;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Everything a caller can ask the API to do. Each route is declared with exactly one action
 * (as its Javalin route role), and {@link AccessPolicy} decides each action for each role.
 * Public actions need no API key; mutating ones are always audited, others only when denied.
 */
public enum Action implements RouteRole {
    /** Read server health. Public. */
    HEALTH_READ(true, false),
    /** Redeem a claim token for an API key. Public. */
    CLAIM(true, true),
    /** Start an execution. */
    EXECUTION_CREATE(false, true),
    /** List executions. */
    EXECUTION_LIST(false, false),
    /** Read one execution, its logs, and follow its log stream. */
    EXECUTION_READ(false, false),
    /** Kill an execution. */
    EXECUTION_KILL(false, true),
    /** Read a playbook sent as text and render it into an execution request. Changes nothing. */
    PLAYBOOK_RENDER(false, false),
    /** Create a user and its first claim token. */
    USER_CREATE(false, true),
    /** List users. */
    USER_LIST(false, false),
    /** Read one user. */
    USER_READ(false, false),
    /** Revoke a user and all its keys. */
    USER_REVOKE(false, true),
    /** Change a user's role. */
    USER_SET_ROLE(false, true),
    /** Issue a new claim token for a user. */
    USER_REISSUE(false, true),
    /** Create an API key for oneself. */
    KEY_CREATE(false, true),
    /** List API keys. */
    KEY_LIST(false, false),
    /** Revoke an API key. */
    KEY_REVOKE(false, true),
    /** List, verify and export the audit trail. */
    AUDIT_READ(false, false),
    /** Trace one request. */
    TRACE_READ(false, false),
    /** Create a secret. */
    SECRET_CREATE(false, true),
    /** List secrets (names and metadata, never values). */
    SECRET_LIST(false, false),
    /** Read one secret's metadata (never its value). */
    SECRET_READ(false, false),
    /** Read a secret's value. Changes nothing, but is always audited. */
    SECRET_REVEAL(false, true),
    /** Change a secret's value or metadata. */
    SECRET_UPDATE(false, true),
    /** Delete a secret. */
    SECRET_DELETE(false, true),
    /** List images, read one. */
    IMAGE_READ(false, false),
    /** Register, change, remove, build or set the default image. */
    IMAGE_MANAGE(false, true),
    /** List locks and their holders. */
    LOCK_LIST(false, false),
    /** Release a lock by hand. */
    LOCK_RELEASE(false, true),
    /** Read usage and cost. */
    USAGE_READ(false, false),
    /** Exchange one's API key for a browser session cookie. */
    SESSION_CREATE(false, true),
    /** Read one's browser session. */
    SESSION_READ(false, false),
    /** Sign out: end one's browser session. */
    SESSION_DELETE(false, true),
    /** Run code through the code execution API (single or batch). */
    CODE_EXECUTE(false, true),
    /** Read the result of a code run. */
    CODE_READ(false, false),
    /** List the code execution languages. */
    LANGUAGE_LIST(false, false),
    /** Build per-language images. */
    LANGUAGE_INSTALL(false, true);

    private final boolean isPublic;
    private final boolean mutating;
    private final String wireName;

    Action(boolean isPublic, boolean mutating) {
        this.isPublic = isPublic;
        this.mutating = mutating;
        this.wireName = name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    /** @return true when the action needs no API key */
    public boolean isPublic() {
        return isPublic;
    }

    /** @return true when the action changes state (and is therefore always audited) */
    public boolean mutating() {
        return mutating;
    }

    /** @return the name in audit entries, such as {@code execution.create} or {@code user.set_role} */
    public String wireName() {
        return wireName;
    }
}
